import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { invokedCommand as invoked, valueOptions } from '../../src/cli/commands/index.js';
import { buildProgram } from '../../src/cli/program.js';

describe('CLI: only the invoked command is loaded', () => {
  it('finds the command word after global options, skipping their values', async () => {
    const takesValue = valueOptions(await buildProgram());
    const invokedCommand = (argv: string[]) => invoked(argv, takesValue);
    assert.equal(invokedCommand(['check', 'a.mp4']), 'check');
    assert.equal(invokedCommand(['--db', 'check', 'scam', '--text', 'x']), 'scam', '--db takes a value, even one spelled like a command');
    assert.equal(invokedCommand(['--json', '--lang', 'zh', 'kb', 'show', 'sora']), 'kb');
    assert.equal(invokedCommand(['--help']), null);
    assert.equal(invokedCommand([]), null);
    assert.equal(invokedCommand(['chek']), null, 'an unknown word registers everything, so commander can suggest');
    assert.equal(invokedCommand(['help', 'check']), null);
  });

  it('registers one command when one is named, all of them otherwise', async () => {
    const one = await buildProgram(['registry', 'list']);
    assert.deepEqual(one.commands.map((c) => c.name()), ['registry']);
    const all = await buildProgram();
    assert.deepEqual(all.commands.map((c) => c.name()).sort(),
      ['check', 'hash', 'kb', 'match', 'provenance', 'registry', 'scam', 'serve', 'trust', 'worker']);
  });
});
