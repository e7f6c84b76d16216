// `ehealth <group> <verb> --help` is written from the verb's option table: the test reads the
// printed help back and compares it with the table the parser uses, in English and in French.
import * as assert from 'node:assert/strict';
import { ExitCode } from '../../../src/faces/exitCodes';
import { translator, type Language } from '../../../src/i18n';
import type { Verb, VerbGroup } from '../../../src/cli/context';
import { loadGroups, main } from '../../../src/cli/main';
import type { OptionSpec } from '../../../src/cli/options';

async function run(...argv: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await main(argv, { out: (text) => out.push(text), err: (text) => err.push(text) });
  return { code, out: out.join('\n'), err: err.join('\n') };
}

let groups: VerbGroup[] = [];
let verbs: Array<{ command: string; group: string; name: string; verb: Verb }> = [];

/** The option lines of a help, after its "Options:" heading: `  -h, --help   show this help` gives help -> "show this help". */
function printedOptions(help: string, t = translator('en')): Map<string, { line: string; description: string }> {
  const lines = help.split('\n');
  const start = lines.indexOf(t('cli.options'));
  assert.ok(start > 0, 'an options heading');
  const options = new Map<string, { line: string; description: string }>();
  // The verb's own options: up to the blank line before the global options.
  for (let index = start + 1; index < lines.length && lines[index] !== ''; index++) {
    const match = /^ {2}(?:-\w, )?--([\w-]+)(?: \S+)?(?: {2,}(.*))?$/.exec(lines[index]);
    if (!match) continue;
    // A long option puts its description on the next line.
    const description = match[2] ?? lines[index + 1].trim();
    options.set(match[1], { line: lines[index], description });
  }
  return options;
}

describe('CLI help from the option tables', () => {
  // The groups load on demand (main.ts): every verb is checked within one test per language.
  before(async () => {
    groups = await loadGroups();
    verbs = groups.flatMap((group) => Object.entries(group.verbs).map(([name, verb]) => ({ command: `${group.name} ${name}`, group: group.name, name, verb })));
  });

  it('has verbs to check', () => assert.ok(verbs.length >= 14, `${verbs.length} verbs`));

  for (const language of ['en', 'fr'] as Language[]) {
    const t = translator(language);
    it(`every verb's --help (${language}) lists exactly the options its parser accepts, optional ones in brackets, defaults shown`, async () => {
      for (const { command, verb } of verbs) {
        const { code, out } = await run('--lang', language, ...command.split(' '), '--help');
        assert.equal(code, ExitCode.ok, command);
        const table = verb.spec.options as Record<string, OptionSpec>;
        const printed = printedOptions(out, t);
        assert.deepEqual([...printed.keys()].sort(), [...Object.keys(table), 'help'].sort(), command);
        assert.ok(out.includes(t(verb.spec.summary)), `${command}: its summary, in the language asked`);
        const usage = out.split('\n')[0];
        assert.ok(usage.startsWith(t('cli.help.usage', { usage: `ehealth ${command}` })), usage);
        for (const [name, option] of Object.entries(table)) {
          const { description } = printed.get(name)!;
          assert.ok(description.startsWith(t(option.help)), `${command} --${name}: ${description}`);
          const shown = option.defaultShown?.() ?? (typeof option.default === 'string' ? option.default : undefined);
          if (shown !== undefined) assert.ok(description.includes(t('cli.help.default', { value: shown })), `${command} --${name} shows its default`);
          if (name === verb.spec.positional?.option) continue;
          const bracketed = new RegExp(`\\[--${name}(?: [^\\]]+)?\\]`).test(usage);
          assert.equal(bracketed, !option.required, `--${name} ${option.required ? 'required: bare' : 'optional: in brackets'} in ${usage}`);
        }
      }
    });
  }

  it('every verb parses every option its help lists, and refuses any other', async () => {
    for (const { command, verb } of verbs) {
      const { out } = await run(...command.split(' '), '--help');
      for (const [name] of printedOptions(out)) {
        if (name === 'help') continue;
        const option = (verb.spec.options as Record<string, OptionSpec>)[name];
        const value = option.type === 'boolean' ? [] : [option.choices?.[0] ?? 'x'];
        // Parsing stops before the verb runs: --help after the option under test.
        const parsed = await run(...command.split(' '), `--${name}`, ...value, '--help');
        assert.equal(parsed.code, ExitCode.ok, `${command} --${name}: ${parsed.err}`);
      }
      const refused = await run(...command.split(' '), '--frobnicate', '--help');
      assert.equal(refused.code, ExitCode.usage, command);
      assert.match(refused.err, /Unknown option "--frobnicate"/);
    }
  });

  it('keystore passwd and cert change-password are one verb: same table, each help names the other', async () => {
    const passwd = verbs.find((entry) => entry.command === 'keystore passwd')!.verb;
    const alias = verbs.find((entry) => entry.command === 'cert change-password')!.verb;
    assert.equal(alias, passwd);
    assert.match((await run('keystore', 'passwd', '--help')).out, /^Also available as ehealth cert change-password\.$/m);
    assert.match((await run('--lang', 'fr', 'cert', 'change-password', '--help')).out, /^Aussi disponible sous le nom ehealth keystore passwd\.$/m);
  });

  it('a group lists its verbs with what each does', async () => {
    for (const group of groups) {
      const { code, out } = await run('--lang', 'fr', group.name, '--help');
      assert.equal(code, ExitCode.ok);
      for (const [name, verb] of Object.entries(group.verbs)) assert.match(out, new RegExp(`^ {2}${name} +${translator('fr')(verb.spec.summary).replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`, 'm'));
    }
  });

  it('a missing keystore file or an unknown choice is a usage error in the words of the table', async () => {
    const missing = await run('keystore', 'inspect');
    assert.equal(missing.code, ExitCode.usage);
    assert.match(missing.err, /Missing FILE\. Usage: ehealth keystore inspect FILE/);
    const choice = await run('--lang', 'fr', 'cert', 'status', '--keystore', 'k.p12', '--env', 'staging');
    assert.equal(choice.code, ExitCode.usage);
    assert.match(choice.err, /«\u202f--env\u202f» n’accepte pas «\u202fstaging\u202f»\u00a0: choisissez parmi sandbox, acceptance, production/);
  });

  it('an option without its value, and a switch given one, are usage errors saying which', async () => {
    const missing = await run('keystore', 'export', 'k.p12', '--out');
    assert.equal(missing.code, ExitCode.usage);
    assert.match(missing.err, /Option "--out" needs a value\./);
    const given = await run('keystore', 'list', '--json=1');
    assert.equal(given.code, ExitCode.usage);
    assert.match(given.err, /Option "--json" takes no value\./);
  });
});
