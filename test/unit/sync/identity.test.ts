import { describe, expect, it } from 'vitest';
import { decodeResponder, resolveResponder } from '../../../src/main/sync/identity';
import { encodeResponder } from '../../../src/shared/sync';

const roster = [
  { handle: 'ana', name: 'Ana Lima' },
  { handle: 'bo', name: 'Bo Andersen' },
];

describe('who a write is by', () => {
  it('takes --as first, then HOLDFAST_AS, then this browser’s choice, then the Settings name', () => {
    const chosen = { name: 'Chen Wei', handle: null };
    expect(resolveResponder({ as: 'Dana', env: { HOLDFAST_AS: 'Eli' }, chosen, settingsName: 'ops' })).toEqual({ name: 'Dana', handle: null, source: 'flag' });
    expect(resolveResponder({ env: { HOLDFAST_AS: 'Eli' }, chosen, settingsName: 'ops' })).toEqual({ name: 'Eli', handle: null, source: 'environment' });
    expect(resolveResponder({ env: { HOLDFAST_AS: '  ' }, chosen, settingsName: 'ops' })).toEqual({ name: 'Chen Wei', handle: null, source: 'browser' });
    expect(resolveResponder({ env: {}, chosen: null, settingsName: 'ops' })).toEqual({ name: 'ops', handle: null, source: 'settings' });
  });

  it('is the roster’s person when the name is their handle or their name, in any case', () => {
    expect(resolveResponder({ as: 'ANA', settingsName: 'ops', roster })).toEqual({ name: 'Ana Lima', handle: 'ana', source: 'flag' });
    expect(resolveResponder({ as: ' bo andersen ', settingsName: 'ops', roster })).toEqual({ name: 'Bo Andersen', handle: 'bo', source: 'flag' });
  });

  it('refuses a name that cannot be one, saying where it came from', () => {
    expect(() => resolveResponder({ as: '   ', settingsName: 'ops' })).toThrow(/^The responder name from --as cannot be used: cannot be empty\.$/);
    expect(() => resolveResponder({ env: { HOLDFAST_AS: 'Ana\nrm -rf' }, settingsName: 'ops' })).toThrow('The responder name from HOLDFAST_AS has a control character (a line break or tab): give a name on one line.');
    expect(() => resolveResponder({ as: 'x'.repeat(101), settingsName: 'ops' })).toThrow('The responder name from --as cannot be used: too long: at most 100 characters (this has 101).');
  });
});

describe('a browser’s identity on its requests', () => {
  it('travels as one header and reads back, names beyond ASCII included', () => {
    const identity = { name: 'Zoë Ōtsuka', handle: 'zoe' };
    const header = encodeResponder(identity);
    expect(header).toMatch(/^[\x21-\x7e]+$/);
    expect(decodeResponder(header)).toEqual(identity);
    expect(decodeResponder(undefined)).toBeNull();
  });

  it('refuses a header that is not an identity, asking the responder to choose again', () => {
    expect(() => decodeResponder('%7Bnot json')).toThrow('This console’s responder name could not be read: choose your name again (the name button at the top of the console).');
    expect(() => decodeResponder(encodeURIComponent('{"name": ""}'))).toThrow('The responder name from this console cannot be used: cannot be empty. Choose your name again with the name button at the top of the console.');
  });
});
