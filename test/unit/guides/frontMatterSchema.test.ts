// docs/schemas/guide-front-matter.schema.json says what a guide's front matter may hold, for
// writers and their tools. Its lists are the allow-list's and its keys the parser's, so it cannot
// drift; every shipped guide's front matter is valid against it, and a wrong one is not.
import * as assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import Ajv2020 from 'ajv/dist/2020';
import { parse as parseYaml } from 'yaml';
import { ENVIRONMENTS } from '../../../src/core/environment';
import { actionIds, audiences } from '../../../src/guides/allowList';
import { guideLanguages } from '../../../src/guides/guide';
import { frontMatterKeys, splitGuideFile } from '../../../src/guides/frontMatter';
import { parseGuide, sourceHashPattern } from '../../../src/guides/guideParser';

const root = path.resolve(__dirname, '..', '..', '..');
const schema = JSON.parse(readFileSync(path.join(root, 'docs', 'schemas', 'guide-front-matter.schema.json'), 'utf8')) as {
  required: string[];
  properties: Record<string, unknown>;
  $defs: Record<'audience' | 'environment' | 'command', { enum: string[] }> & { sourceHash: { pattern: string } };
};
const validate = new Ajv2020({ strict: true }).compile(schema);

describe('the guide front matter schema', () => {
  it('lists what the allow-list allows', () => {
    assert.deepEqual(schema.$defs.audience.enum, [...audiences]);
    assert.deepEqual(schema.$defs.environment.enum, [...ENVIRONMENTS]);
    assert.deepEqual(schema.$defs.command.enum, [...actionIds]);
    assert.equal(schema.$defs.sourceHash.pattern, sourceHashPattern.source);
  });

  it('has the keys the parser reads, and requires those it says are missing', () => {
    assert.deepEqual(Object.keys(schema.properties), frontMatterKeys);
    const missing = parseGuide('---\nsomething: else\n---\n', 'x.md', 'fr').problems.filter((problem) => problem.code === 'field-missing').map((problem) => problem.detail);
    assert.deepEqual(schema.required, missing);
  });

  it('accepts the front matter of every shipped guide', () => {
    for (const language of guideLanguages) {
      for (const name of readdirSync(path.join(root, 'guides', language)).filter((file) => file.endsWith('.md'))) {
        const { yaml } = splitGuideFile(readFileSync(path.join(root, 'guides', language, name), 'utf8'));
        assert.ok(validate(parseYaml(yaml!)), `${language}/${name}: ${JSON.stringify(validate.errors)}`);
      }
    }
  });

  it('refuses an unknown audience, a misspelt key and a hand-made source', () => {
    const base = { id: 'x', title: 'X', audience: ['developer'], environment: 'sandbox', commands: ['ehealth.cert.request'], source: { title: '0123abcd' } };
    assert.ok(validate(base), JSON.stringify(validate.errors));
    for (const wrong of [{ ...base, audience: ['developers'] }, { ...base, enviroment: 'sandbox' }, { ...base, source: { title: 'by hand' } }, { ...base, commands: ['workbench.action.quit'] }]) {
      assert.equal(validate(wrong), false, JSON.stringify(wrong));
    }
  });
});
