// Activation stays light (src/extension.ts): the extension bundle loads the certificate procedures
// only when one runs. esbuild wraps a module that is also imported lazily in an `init_<name>()`
// function; a value import on the activation path adds a top-level call that runs it at activation.
import * as assert from 'node:assert/strict';
import * as esbuild from 'esbuild';

describe('extension bundle: activation stays light', function () {
  this.timeout(60_000);

  it('does not initialise the procedures at the top level', async () => {
    // The options of scripts/build.mjs, not minified so that esbuild's names stay readable.
    const built = await esbuild.build({ entryPoints: ['src/extension.ts'], bundle: true, platform: 'node', target: 'node20', format: 'cjs', external: ['vscode', 'pkcs11js'], write: false, logLevel: 'silent' });
    const bundle = built.outputFiles[0].text;
    // Lazily loaded: esbuild wrapped it, and calls the wrapper from `await import(...)` only.
    assert.ok(bundle.includes('init_procedures(), procedures_exports'), 'the procedures are no longer imported lazily');
    assert.ok(!/^init_procedures\(\);$/m.test(bundle), 'a value import on the activation path initialises the procedures at the top level');
    // The guides' parser and linter (markdown-it, YAML) load with the first guide file or checklist.
    for (const module of ['guideParser', 'guideLint', 'folderLint', 'frontMatter', 'completionChoices']) assert.ok(!new RegExp(`^init_${module}\\(\\);$`, 'm').test(bundle), `${module} is initialised at activation`);
  });
});
