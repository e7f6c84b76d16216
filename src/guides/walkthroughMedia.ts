// The illustration of each walkthrough step, drawn here (no words, so one drawing serves every
// language): a motif for what the step is about (the eID, a keystore, an e-mail, the renewal
// window...), the step's number, and dots for where it stands in the walkthrough. One file per step
// and theme kind, with colours readable on light and dark themes.
import type { GuideStep } from './guide';

export type Theme = 'light' | 'dark';

const palettes: Record<Theme, Record<'background' | 'panel' | 'accent' | 'ink' | 'muted' | 'ok' | 'gold', string>> = {
  light: { background: '#eef2f7', panel: '#ffffff', accent: '#0969da', ink: '#1f2328', muted: '#8c959f', ok: '#1a7f37', gold: '#bf8700' },
  dark: { background: '#1c2330', panel: '#0d1117', accent: '#58a6ff', ink: '#e6edf3', muted: '#6e7681', ok: '#3fb950', gold: '#d29922' },
};
type Palette = (typeof palettes)[Theme];

/** Each motif draws around the centre (240, 150) of a 480 × 320 picture. */
const motifs: Record<string, (c: Palette) => string> = {
  environment: (c) =>
    [0, 1, 2]
      .map((row) => {
        const y = 78 + row * 52;
        const chosen = row === 1;
        return `<rect x="150" y="${y}" width="180" height="40" rx="10" fill="${c.panel}" stroke="${chosen ? c.accent : c.muted}" stroke-width="${chosen ? 5 : 3}"/><circle cx="176" cy="${y + 20}" r="9" fill="${chosen ? c.accent : 'none'}" stroke="${chosen ? c.accent : c.muted}" stroke-width="3"/><path d="M198 ${y + 20}h${chosen ? 108 : 84}" stroke="${chosen ? c.ink : c.muted}" stroke-width="6" stroke-linecap="round"/>`;
      })
      .join(''),
  eid: (c) =>
    `<rect x="140" y="82" width="200" height="128" rx="14" fill="${c.panel}" stroke="${c.accent}" stroke-width="5"/><rect x="160" y="118" width="40" height="32" rx="6" fill="${c.gold}"/><path d="M176 118v32M160 134h40" stroke="${c.panel}" stroke-width="2"/><circle cx="294" cy="124" r="16" fill="none" stroke="${c.ink}" stroke-width="4"/><path d="M270 170c4-16 44-16 48 0" fill="none" stroke="${c.ink}" stroke-width="4"/><path d="M160 176h70M160 192h50" stroke="${c.muted}" stroke-width="6" stroke-linecap="round"/>`,
  software: (c) =>
    `<rect x="150" y="76" width="180" height="120" rx="10" fill="${c.panel}" stroke="${c.accent}" stroke-width="5"/><path d="M214 224h52M240 196v28" stroke="${c.ink}" stroke-width="6" stroke-linecap="round"/><path d="M240 100v60M216 138l24 24 24-24" fill="none" stroke="${c.ok}" stroke-width="8" stroke-linecap="round" stroke-linejoin="round"/>`,
  keystore: (c) =>
    `<path d="M176 66h92l36 36v130H176z" fill="${c.panel}" stroke="${c.accent}" stroke-width="5" stroke-linejoin="round"/><path d="M268 66v36h36" fill="none" stroke="${c.accent}" stroke-width="5" stroke-linejoin="round"/><circle cx="222" cy="160" r="20" fill="none" stroke="${c.gold}" stroke-width="7"/><path d="M240 168l40 16M266 178l-6 14M278 183l-6 14" stroke="${c.gold}" stroke-width="7" stroke-linecap="round"/>`,
  sandbox: (c) =>
    `<path d="M212 70h56M222 70v54l-46 88c-5 10 2 20 13 20h102c11 0 18-10 13-20l-46-88V70" fill="${c.panel}" stroke="${c.accent}" stroke-width="5" stroke-linejoin="round"/><path d="M192 186h96l14 28c2 5-1 10-7 10H185c-6 0-9-5-7-10z" fill="${c.ok}" opacity="0.8"/><circle cx="232" cy="160" r="6" fill="${c.ok}"/><circle cx="252" cy="142" r="4" fill="${c.ok}"/>`,
  request: (c) =>
    `<path d="M160 62h130v176H160z" fill="${c.panel}" stroke="${c.accent}" stroke-width="5" stroke-linejoin="round"/><path d="M180 96h90M180 116h90M180 136h60" stroke="${c.muted}" stroke-width="6" stroke-linecap="round"/><path d="M180 200c14-20 24 8 36-6s18-14 26 2" fill="none" stroke="${c.ink}" stroke-width="4" stroke-linecap="round"/><path d="M300 120l30 30-62 62-36 6 6-36z" fill="${c.gold}" stroke="${c.ink}" stroke-width="3" stroke-linejoin="round"/>`,
  password: (c) =>
    `<rect x="120" y="118" width="240" height="56" rx="12" fill="${c.panel}" stroke="${c.accent}" stroke-width="5"/>${[0, 1, 2, 3, 4, 5].map((dot) => `<circle cx="${150 + dot * 28}" cy="146" r="8" fill="${c.ink}"/>`).join('')}<rect x="304" y="134" width="34" height="26" rx="4" fill="${c.gold}"/><path d="M311 134v-8a10 10 0 0 1 20 0v8" fill="none" stroke="${c.gold}" stroke-width="4"/>`,
  mail: (c) =>
    `<rect x="140" y="86" width="200" height="130" rx="10" fill="${c.panel}" stroke="${c.accent}" stroke-width="5"/><path d="M144 92l96 70 96-70" fill="none" stroke="${c.accent}" stroke-width="5" stroke-linejoin="round"/><circle cx="334" cy="90" r="20" fill="${c.ok}"/><path d="M324 90l7 7 13-14" fill="none" stroke="${c.panel}" stroke-width="5" stroke-linecap="round" stroke-linejoin="round"/>`,
  wait: (c) =>
    `<circle cx="240" cy="150" r="76" fill="${c.panel}" stroke="${c.accent}" stroke-width="6"/><path d="M240 98v52l34 22" fill="none" stroke="${c.ink}" stroke-width="8" stroke-linecap="round" stroke-linejoin="round"/>${[0, 90, 180, 270].map((angle) => `<path d="M240 82v10" stroke="${c.muted}" stroke-width="5" stroke-linecap="round" transform="rotate(${angle} 240 150)"/>`).join('')}`,
  calendar: (c) =>
    `<rect x="150" y="74" width="180" height="156" rx="12" fill="${c.panel}" stroke="${c.accent}" stroke-width="5"/><path d="M150 112h180" stroke="${c.accent}" stroke-width="5"/><path d="M190 62v26M290 62v26" stroke="${c.ink}" stroke-width="6" stroke-linecap="round"/>${[0, 1, 2, 3].flatMap((x) => [0, 1, 2].map((y) => `<rect x="${168 + x * 38}" y="${126 + y * 32}" width="26" height="20" rx="4" fill="${x === 3 || (x === 2 && y === 2) ? c.gold : c.muted}" opacity="${x === 3 || (x === 2 && y === 2) ? 1 : 0.45}"/>`)).join('')}`,
  renew: (c) =>
    `<path d="M178 150a62 62 0 0 1 106-44" fill="none" stroke="${c.accent}" stroke-width="9" stroke-linecap="round"/><path d="M288 80v30h-30" fill="none" stroke="${c.accent}" stroke-width="9" stroke-linecap="round" stroke-linejoin="round"/><path d="M302 150a62 62 0 0 1-106 44" fill="none" stroke="${c.ok}" stroke-width="9" stroke-linecap="round"/><path d="M192 220v-30h30" fill="none" stroke="${c.ok}" stroke-width="9" stroke-linecap="round" stroke-linejoin="round"/>`,
  complete: (c) =>
    `<path d="M176 66h92l36 36v130H176z" fill="${c.panel}" stroke="${c.accent}" stroke-width="5" stroke-linejoin="round"/><path d="M268 66v36h36" fill="none" stroke="${c.accent}" stroke-width="5" stroke-linejoin="round"/><circle cx="240" cy="166" r="34" fill="${c.ok}"/><path d="M222 166l12 12 24-26" fill="none" stroke="${c.panel}" stroke-width="8" stroke-linecap="round" stroke-linejoin="round"/>`,
  etk: (c) =>
    `<rect x="180" y="130" width="120" height="96" rx="12" fill="${c.panel}" stroke="${c.accent}" stroke-width="5"/><path d="M206 130v-26a34 34 0 0 1 68 0v26" fill="none" stroke="${c.accent}" stroke-width="8"/><path d="M218 178l16 16 30-32" fill="none" stroke="${c.ok}" stroke-width="9" stroke-linecap="round" stroke-linejoin="round"/>`,
  settings: (c) =>
    `<circle cx="240" cy="150" r="36" fill="none" stroke="${c.accent}" stroke-width="10"/>${[0, 45, 90, 135, 180, 225, 270, 315].map((angle) => `<rect x="232" y="84" width="16" height="26" rx="4" fill="${c.accent}" transform="rotate(${angle} 240 150)"/>`).join('')}<circle cx="240" cy="150" r="14" fill="${c.panel}" stroke="${c.ink}" stroke-width="4"/>`,
};

/** The motif of a step without a button, by its id (named, not guessed from words in it); a keystore otherwise. */
const byStep: Readonly<Record<string, string>> = {
  'eid-software': 'software',
  'card-and-pin': 'eid',
  'eid-ready': 'eid',
  'keep-password': 'password',
  'confirmation-emails': 'mail',
  'wait-emails': 'mail',
  'wait-validation': 'wait',
  'renewal-window': 'calendar',
  'reconfigure-software': 'settings',
};

/** The motif of a step: what its button does, else the one named for its id. */
export function motifOf(step: Pick<GuideStep, 'id' | 'action'>): string {
  const byAction: Record<string, string> = {
    'ehealth.environment.select': 'environment',
    'ehealth.eid.selfTest': 'eid',
    'ehealth.keystores.focus': 'keystore',
    'ehealth.sandbox.start': 'sandbox',
    'ehealth.cert.request': 'request',
    'ehealth.cert.renew': 'renew',
    'ehealth.cert.complete': 'complete',
    'ehealth.cert.completeRenewal': 'complete',
    'ehealth.cert.activateEtk': 'etk',
  };
  return (step.action && byAction[step.action]) || byStep[step.id] || 'keystore';
}

/**
 * Where each step stands for its reader: steps in a row written for different values of one variant
 * (a Windows, a macOS and a Linux step) are alternatives, one of which applies, so they share a
 * number and count once in the total.
 */
export function illustrationPositions(steps: ReadonlyArray<Pick<GuideStep, 'variant'>>): Array<{ index: number; total: number }> {
  let slot = -1;
  let alternatives: { dimension: string; values: Set<string> } | undefined;
  const slots = steps.map(({ variant }) => {
    if (variant && alternatives?.dimension === variant.dimension && !alternatives.values.has(variant.value)) alternatives.values.add(variant.value);
    else {
      slot++;
      alternatives = variant && { dimension: variant.dimension, values: new Set([variant.value]) };
    }
    return slot;
  });
  return slots.map((index) => ({ index, total: slot + 1 }));
}

/** The SVG of step number `index` (from 0) of `total`, in the colours of `theme`. */
export function stepIllustration(step: Pick<GuideStep, 'id' | 'action' | 'checks'>, index: number, total: number, theme: Theme): string {
  const c = palettes[theme];
  const dotsWidth = (total - 1) * 22;
  const dots = Array.from({ length: total }, (_, dot) => {
    const x = 240 - dotsWidth / 2 + dot * 22;
    return dot === index ? `<circle cx="${x}" cy="286" r="7" fill="${c.accent}"/>` : `<circle cx="${x}" cy="286" r="5" fill="${dot < index ? c.ink : c.muted}" opacity="${dot < index ? 0.6 : 0.5}"/>`;
  }).join('');
  return `<svg xmlns="http://www.w3.org/2000/svg" width="480" height="320" viewBox="0 0 480 320" aria-hidden="true">
<rect width="480" height="320" rx="16" fill="${c.background}"/>
${motifs[motifOf(step)](c)}
<circle cx="44" cy="44" r="24" fill="${c.accent}"/><text x="44" y="52" text-anchor="middle" font-family="sans-serif" font-size="24" font-weight="bold" fill="${c.panel}">${index + 1}</text>
${dots}
</svg>
`;
}
