// Help that answers, global options and completions, on the BUILT CLI: every verb of every group (read
// from the bundle's own `loadGroups()`) shows the same help for `--help`, `-h` and `ehealth help GROUP VERB`,
// with its usage, options, global options, environment variables, exit codes and examples in the four
// languages (no raw message key); typos get "did you mean"; Node's parser never speaks English to a
// French user; --lang is validated and stops at `--`; --version tells Node, the platform and the eID
// addon; the completion scripts complete in real bash, fish and zsh. Most runs call the bundle's
// main() in this process (fast); those about the process itself (exit codes, environment) spawn it.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { ExitCode } from '../../../src/faces/exitCodes';

const root = path.resolve(__dirname, '..', '..', '..');
const cliFolder = path.join(root, 'dist', 'cli');
const bundle = path.join(cliFolder, 'main.mjs');
const launcher = path.join(root, 'bin', 'ehealth.js');
const languages = ['fr', 'nl', 'en', 'de'] as const;
type Language = (typeof languages)[number];
const catalogs = Object.fromEntries(
  languages.map((language) => [language, JSON.parse(readFileSync(path.join(root, 'l10n', language === 'en' ? 'bundle.l10n.json' : `bundle.l10n.${language}.json`), 'utf8')) as Record<string, string>]),
) as Record<Language, Record<string, string>>;

interface BuiltVerb {
  spec: { summary: string; options: Record<string, unknown>; environment: string[]; exitCodes: number[]; examples: Array<{ command: string }> };
}
type BuiltGroup = { name: string; verbs: Record<string, BuiltVerb> };
interface BuiltCli {
  main(argv: string[], io: { out: (text: string) => void; err: (text: string) => void }): Promise<number>;
  loadGroups(): Promise<BuiltGroup[]>;
}

let built: (BuiltCli & { groups: BuiltGroup[] }) | undefined;
/** The built bundle and its groups, loaded once in before() (as bin/ehealth.js loads it). */
const cli = () => built ?? assert.fail('the bundle is not loaded');

/** One run of the bundle's main() in this process: its exit code, stdout and stderr. */
async function run(...args: string[]): Promise<{ status: number; stdout: string; stderr: string }> {
  const out: string[] = [];
  const err: string[] = [];
  const status = await cli().main(args, { out: (text) => out.push(text), err: (text) => err.push(text) });
  return { status, stdout: out.join('\n'), stderr: err.join('\n') };
}

/** The launcher in its own process, stdin not a terminal. */
function spawnCli(args: string[], env: NodeJS.ProcessEnv = {}, cwd = root) {
  return spawnSync(process.execPath, [launcher, ...args], { encoding: 'utf8', cwd, env: { ...process.env, EHEALTH_LANG: 'en', ...env }, stdio: ['pipe', 'pipe', 'pipe'] });
}

/** A message key left untranslated (`cli.option.x`, `cli.exit.y`) instead of its words. */
const RAW_KEY = /\b(cli|procedures|keystore|eid|ra)\.[a-z][\w-]*\.[\w.-]+/;

/** Node's own parseArgs messages (English), which must never reach the user. */
const NODE_WORDS = /Unknown option '|argument missing|does not take an argument|argument is ambiguous|Unexpected argument '|positional arguments/;

describe('ehealth help, global options and completions (built bundle)', function () {
  this.timeout(60_000);

  before(async () => {
    assert.ok(existsSync(bundle), 'dist/cli/main.mjs is missing: run "node scripts/build.mjs" first');
    const loaded = (await import(pathToFileURL(bundle).href)) as BuiltCli;
    built = { main: loaded.main, loadGroups: loaded.loadGroups, groups: await loaded.loadGroups() };
  });

  describe('every verb of every group', () => {
    it('the bundle lists the groups and verbs the main help names', async () => {
      const { stdout } = await run('--help', '--lang', 'en');
      const names = cli().groups.map((group) => group.name);
      assert.ok(names.length >= 6, names.join(' '));
      for (const name of names) assert.match(stdout, new RegExp(`^  ${name} `, 'm'));
    });

    for (const language of languages) {
      it(`--help, -h and "help GROUP VERB" give one help with every section (${language})`, async () => {
        const words = catalogs[language];
        let verbs = 0;
        for (const group of cli().groups) {
          for (const [name, verb] of Object.entries(group.verbs)) {
            const command = `${group.name} ${name}`;
            const long = await run(group.name, name, '--help', '--lang', language);
            assert.equal(long.status, ExitCode.ok, `${command}: ${long.stderr}`);
            const text = long.stdout;
            for (const form of [[group.name, name, '-h', '--lang', language], ['--lang', language, 'help', group.name, name]]) {
              const other = await run(...form);
              assert.equal(other.status, ExitCode.ok, `${form.join(' ')}: ${other.stderr}`);
              assert.equal(other.stdout, text, form.join(' '));
            }
            assert.doesNotMatch(text, RAW_KEY, `${command} (${language})`);
            assert.ok(text.startsWith(words['cli.help.usage'].replace('{usage}', `ehealth ${command}`)), `${command}: usage line\n${text}`);
            assert.ok(text.includes(words[verb.spec.summary]), `${command}: what it does`);
            for (const heading of ['cli.options', 'cli.help.global-options', 'cli.help.environment', 'cli.help.exit-codes', 'cli.examples']) {
              assert.ok(text.split('\n').includes(words[heading]), `${command} (${language}): section ${heading}\n${text}`);
            }
            for (const option of Object.keys(verb.spec.options)) assert.match(text, new RegExp(`^  (-\\w, )?--${option}\\b`, 'm'), `${command}: --${option}`);
            for (const variable of ['EHEALTH_LANG', ...verb.spec.environment]) assert.match(text, new RegExp(`^  ${variable} +\\S`, 'm'), `${command}: ${variable}`);
            for (const code of [0, 1, 2, ...verb.spec.exitCodes]) assert.match(text, new RegExp(`^  ${code} +\\S`, 'm'), `${command}: exit code ${code}`);
            assert.ok(verb.spec.examples.length > 0, `${command}: an example`);
            for (const example of verb.spec.examples) assert.ok(text.includes(`  ${example.command}`), `${command}: example ${example.command}`);
            verbs++;
          }
        }
        assert.ok(verbs >= 20, `${verbs} verbs`);
      });
    }

    it('optional options in brackets, required ones bare, defaults shown', async () => {
      const { stdout } = await run('eid', 'sign', '--help', '--lang', 'en');
      const usage = stdout.split('\n')[0];
      assert.match(usage, / --key authentication\|signature /);
      assert.match(usage, / \[--force\]/);
      const serve = await run('sandbox', 'serve', '--help', '--lang', 'en');
      assert.match(serve.stdout, /--validity-days N +.*\(default: \d+\)/);
    });

    it('"ehealth help", "help GROUP" and "help exit-codes" give the same texts as --help', async () => {
      assert.equal((await run('help', '--lang', 'fr')).stdout, (await run('--help', '--lang', 'fr')).stdout);
      assert.equal((await run('help', 'cert', '--lang', 'nl')).stdout, (await run('cert', '--help', '--lang', 'nl')).stdout);
      for (const language of languages) {
        const { status, stdout } = await run('help', 'exit-codes', '--lang', language);
        assert.equal(status, ExitCode.ok);
        assert.doesNotMatch(stdout, RAW_KEY);
        for (const code of Object.values(ExitCode)) assert.match(stdout, new RegExp(`^  ${code} +\\S`, 'm'), `exit code ${code} (${language})`);
      }
    });

    it('the main help names the global options, the environment variables and where to read more', async () => {
      const { stdout } = await run('--help', '--lang', 'de');
      for (const word of ['--lang', '--no-input', '--json', '--version', 'EHEALTH_LANG', 'EHEALTH_PKCS11_MODULE', 'EHEALTH_KEYSTORE_FOLDERS', 'CI', 'ehealth help exit-codes', 'completion']) assert.ok(stdout.includes(word), word);
      assert.doesNotMatch(stdout, RAW_KEY);
    });
  });

  describe('did you mean', () => {
    const cases: Array<[string[], string]> = [
      [['kystore', 'list'], 'keystore'],
      [['cert', 'requst'], 'request'],
      [['cert', 'request', '--jsno'], '--json'],
      [['keystore', 'list', '--no-inptu'], '--no-input'],
      [['cert', 'list', '--env', 'acceptence'], 'acceptance'],
      [['help', 'exit-code'], 'exit-codes'],
      [['sandbox', 'serv'], 'serve'],
    ];
    for (const [args, meant] of cases) {
      it(`${args.join(' ')} → ${meant}`, async () => {
        const english = await run(...args, '--lang', 'en');
        assert.equal(english.status, ExitCode.usage);
        assert.ok(english.stderr.includes(`Did you mean "${meant}"?`), english.stderr);
        const french = await run(...args, '--lang', 'fr');
        assert.ok(french.stderr.includes(`Vouliez-vous dire «\u202f${meant}\u202f»\u202f?`), french.stderr);
      });
    }

    it('nothing suggested when nothing is close', async () => {
      const { status, stderr } = await run('zzzzzzzz', '--lang', 'en');
      assert.equal(status, ExitCode.usage);
      assert.doesNotMatch(stderr, /Did you mean/);
    });
  });

  describe("Node's parser errors in the user's words", () => {
    const mistakes: Array<[string, string[]]> = [
      ['unknown option', ['keystore', 'list', '--bogus']],
      ['unknown short option', ['keystore', 'list', '-x']],
      ['missing value', ['eid', 'sign', '--key', 'signature', '--in', 'a', '--out']],
      ['missing value of a short option-less choice', ['cert', 'list', '--env']],
      ['a value to a switch', ['keystore', 'list', '--force=1']],
      ['a switch given a value', ['guides', 'lint', '--json=1']],
      ['a value starting with a dash', ['eid', 'sign', '--key', 'signature', '--in', 'a', '--out', '-x']],
      ['an unexpected argument', ['eid', 'info', 'extra']],
    ];
    for (const language of languages) {
      it(`every kind of mistake is a usage error worded in ${language}`, async () => {
        for (const [what, args] of mistakes) {
          const { status, stderr } = await run(...args, '--lang', language);
          assert.equal(status, ExitCode.usage, `${what}: ${stderr}`);
          assert.doesNotMatch(stderr, NODE_WORDS, `${what} (${language}): ${stderr}`);
          assert.doesNotMatch(stderr, RAW_KEY, `${what} (${language}): ${stderr}`);
          assert.match(stderr, /^ehealth: \S/, what);
        }
      });
    }
  });

  describe('global options', () => {
    it('--lang with an unknown or no value: exit 2, the languages listed in the environment language', () => {
      const unknown = spawnCli(['--lang', 'xx', 'keystore', 'list'], { EHEALTH_LANG: 'nl' });
      assert.equal(unknown.status, ExitCode.usage);
      assert.match(unknown.stderr, /Optie "--lang" aanvaardt "xx" niet: kies uit fr, nl, en, de\./);
      const missing = spawnCli(['keystore', 'list', '--lang'], { EHEALTH_LANG: 'de' });
      assert.equal(missing.status, ExitCode.usage);
      assert.match(missing.stderr, /„--lang“.*fr, nl, en, de/);
      const inline = spawnCli(['--lang=', 'keystore', 'list']);
      assert.equal(inline.status, ExitCode.usage);
      assert.match(inline.stderr, /fr, nl, en, de/);
    });

    it('--lang anywhere before --, in both forms, and not after --', () => {
      const work = mkdtempSync(path.join(os.tmpdir(), 'help-lang-'));
      try {
        const before = spawnCli(['--lang', 'fr', 'keystore', 'list', '--bogus']);
        assert.match(before.stderr, /Option inconnue|L’option|inconnue/);
        const after = spawnCli(['keystore', 'list', '--bogus', '--lang=nl']);
        assert.match(after.stderr, /Onbekende optie/);
        // After `--`, `--lang` is a folder's name, listed as an argument; the language stays the environment's.
        const listed = spawnCli(['--json', 'keystore', 'list', '--', '--lang'], { HOME: work, EHEALTH_KEYSTORE_FOLDERS: '' }, work);
        assert.equal(listed.status, ExitCode.ok, listed.stderr);
        const folders = JSON.parse(listed.stdout).folders as Array<{ path: string; origin: string }>;
        assert.deepEqual(folders.map((folder) => [path.basename(folder.path), folder.origin]), [['--lang', 'argument']]);
      } finally {
        rmSync(work, { recursive: true, force: true });
      }
    });

    it('--json before the group reaches the verb', () => {
      const work = mkdtempSync(path.join(os.tmpdir(), 'help-json-'));
      try {
        const listed = spawnCli(['--json', 'keystore', 'list', work], { HOME: work, EHEALTH_KEYSTORE_FOLDERS: '' });
        assert.equal(listed.status, ExitCode.ok, listed.stderr);
        assert.equal(JSON.parse(listed.stdout).schemaVersion, 1);
      } finally {
        rmSync(work, { recursive: true, force: true });
      }
    });
  });

  describe('--version', () => {
    it('the version, Node, the platform and the eID addon, in words and in JSON', () => {
      const { version } = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8')) as { version: string };
      const text = spawnCli(['-v'], { EHEALTH_LANG: 'fr' });
      assert.equal(text.status, ExitCode.ok, text.stderr);
      const lines = text.stdout.trim().split('\n');
      assert.equal(lines[0], `ehealth ${version}`);
      assert.equal(lines[1], `Node.js\u00a0: ${process.version}`);
      assert.equal(lines[2], `Plateforme\u00a0: ${process.platform} ${process.arch}`);
      const addon = path.join(root, 'dist', 'addons', `${process.platform}-${process.arch}`, 'pkcs11js', 'build', 'Release', 'pkcs11.node');
      assert.equal(lines[3], `Module natif eID\u00a0: ${addon}`);
      const json = spawnCli(['--json', '--version']);
      assert.equal(json.status, ExitCode.ok, json.stderr);
      const report = JSON.parse(json.stdout);
      assert.deepEqual(Object.keys(report), ['schemaVersion', 'version', 'node', 'platform', 'arch', 'eidAddon']);
      assert.deepEqual(report, { schemaVersion: 1, version, node: process.version, platform: process.platform, arch: process.arch, eidAddon: { present: true, path: addon } });
    });

    it('says when the addon is absent, and never loads it', () => {
      // The CLI's folder alone, with no node_modules above it: where the addon would not be found.
      const lonely = mkdtempSync(path.join(os.tmpdir(), 'help-version-'));
      try {
        cpSync(cliFolder, lonely, { recursive: true });
        const entry = JSON.stringify(pathToFileURL(path.join(lonely, 'main.mjs')).href);
        const script = `import(${entry}).then((cli) => cli.main(['--version', '--json'])).then((code) => {
          const loaded = Object.keys(require.cache).filter((file) => /pkcs11/.test(file));
          process.stderr.write(JSON.stringify(loaded)); process.exitCode = code; })`;
        const result = spawnSync(process.execPath, ['-e', script], { encoding: 'utf8', cwd: lonely });
        assert.equal(result.status, 0, result.stderr);
        assert.deepEqual(JSON.parse(result.stdout).eidAddon, { present: false });
        assert.equal(result.stderr, '[]');
        const words = spawnSync(process.execPath, ['-e', `import(${entry}).then((cli) => cli.main(['--version', '--lang', 'en']))`], { encoding: 'utf8', cwd: lonely });
        assert.match(words.stdout, /^eID addon: none: this build has no eID card support \(keystores, guides and the sandbox work\)$/m);
      } finally {
        rmSync(lonely, { recursive: true, force: true });
      }
    });
  });

  describe('completions', () => {
    let work: string;
    const script = (shell: string) => {
      const result = spawnCli(['completion', shell]);
      assert.equal(result.status, ExitCode.ok, result.stderr);
      const file = path.join(work, `ehealth.${shell}`);
      writeFileSync(file, result.stdout);
      return file;
    };

    before(() => {
      work = mkdtempSync(path.join(os.tmpdir(), 'help-completion-'));
      mkdirSync(path.join(work, 'keystores'));
      writeFileSync(path.join(work, 'keystores', 'mine.acc-p12'), '');
    });
    after(() => rmSync(work, { recursive: true, force: true }));

    it('bash: groups, verbs, options, choices and files', () => {
      const file = script('bash');
      /** COMPREPLY for a command line whose last word is being completed. */
      const complete = (...words: string[]) => {
        const call = `source ${JSON.stringify(file)}; COMP_WORDS=(${words.map((word) => `'${word}'`).join(' ')}); COMP_CWORD=${words.length - 1}; _ehealth; printf '%s\\n' "\${COMPREPLY[@]}"`;
        const result = spawnSync('bash', ['-c', call], { encoding: 'utf8', cwd: work });
        assert.equal(result.status, 0, result.stderr);
        return result.stdout.split('\n').filter(Boolean);
      };
      assert.deepEqual(complete('ehealth', 'cert', 're'), ['request', 'renew', 'revoke']);
      assert.deepEqual(complete('ehealth', '--lang', 'fr', 'ke'), ['keystore']);
      assert.deepEqual(complete('ehealth', 'cert', 'request', '--env', 'a'), ['acceptance']);
      assert.deepEqual(complete('ehealth', '--lang', ''), ['fr', 'nl', 'en', 'de']);
      assert.deepEqual(complete('ehealth', 'keystore', 'inspect', '--pass'), ['--password-env', '--password-file', '--password-stdin']);
      assert.deepEqual(complete('ehealth', 'cert', 'complete', '--keystore', 'keystores/m'), ['keystores/mine.acc-p12']);
      assert.deepEqual(complete('ehealth', 'keystore', 'inspect', 'keystores/'), ['keystores/mine.acc-p12']);
      assert.deepEqual(complete('ehealth', 'help', 'cert', 'co'), ['complete']);
      assert.deepEqual(complete('ehealth', 'help', 'ex'), ['exit-codes']);
    });

    it('fish: complete -C, with the descriptions of the help', () => {
      const file = script('fish');
      const complete = (line: string, language = 'en') => {
        const result = spawnSync('fish', ['--no-config', '-c', `source ${file}; complete -C ${JSON.stringify(line)}`], { encoding: 'utf8', cwd: work, env: { ...process.env, EHEALTH_LANG: language } });
        assert.equal(result.status, 0, result.stderr);
        return result.stdout.split('\n').filter(Boolean);
      };
      const verbs = complete('ehealth cert re');
      assert.deepEqual(verbs.map((line) => line.split('\t')[0]), ['renew', 'request', 'revoke']);
      assert.ok(verbs.includes(`request\t${catalogs.en['cli.verb.cert.request']}`), verbs.join('\n'));
      assert.deepEqual(complete('ehealth cert request --env ').map((line) => line.split('\t')[0]), ['acceptance', 'production', 'sandbox']);
      assert.deepEqual(complete('ehealth --lang fr cert st').map((line) => line.split('\t')[0]), ['status']);
      assert.deepEqual(complete('ehealth keystore inspect keystores/'), ['keystores/mine.acc-p12']);
      assert.deepEqual(complete('ehealth help cert co').map((line) => line.split('\t')[0]), ['complete']);
    });

    it('zsh: the script parses and completes (a real zsh line editor in a pseudo-terminal)', () => {
      const file = script('zsh');
      const syntax = spawnSync('zsh', ['-n', file], { encoding: 'utf8' });
      assert.equal(syntax.status, 0, syntax.stderr);
      // compadd wrapped to print each match; the markers are split in the source so the echoed input never holds them.
      const capture = path.join(work, 'capture.zsh');
      writeFileSync(
        capture,
        [
          'zmodload zsh/zpty',
          'zpty z zsh -f -i',
          'zpty -w z "PROMPT="',
          'zpty -w z "autoload -Uz compinit; compinit -u -D"',
          'zpty -w z "source ${(q)1}"',
          `zpty -w z 'compadd () { if [[ \${@[1,(i)(-|--)]} == *-(O|A|D)\\ * ]]; then builtin compadd "$@"; return $?; fi; local -a hits; builtin compadd -A hits "$@"; local h; for h in $hits; do print -r -- "<H""IT>$h"; done; }'`,
          `zpty -w z 'finish () { print "<E""ND>"; exit }'`,
          "zpty -w z 'comppostfuncs=(finish)'",
          'zpty -w -n z "$2"$\'\\t\'',
          'while zpty -r z line; do',
          "  [[ $line == *'<END>'* ]] && break",
          "  [[ $line == *'<HIT>'* ]] && print -r -- \"${${line##*<HIT>}%%$'\\r'}\"",
          'done',
          'zpty -d z',
        ].join('\n'),
      );
      const complete = (line: string) => {
        const result = spawnSync('zsh', ['-f', capture, file, line], { encoding: 'utf8', cwd: work, timeout: 20_000 });
        assert.equal(result.status, 0, result.stderr);
        return result.stdout.split('\n').map((word) => word.trim()).filter(Boolean);
      };
      assert.deepEqual(complete('ehealth cert re').sort(), ['renew', 'request', 'revoke']);
      assert.deepEqual(complete('ehealth cert request --env ').sort(), ['acceptance', 'production', 'sandbox']);
      assert.deepEqual(complete('ehealth keystore inspect keystores/'), ['mine.acc-p12']);
    });
  });
});
