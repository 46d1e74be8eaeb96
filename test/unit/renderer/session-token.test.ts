import { describe, expect, it } from 'vitest';
import { readTokenFragment } from '../../../src/renderer/api/session-token';

describe('the link holdfast web prints', () => {
  it('opens the library with its token', () => {
    expect(readTokenFragment('#token=abc_DEF-123')).toEqual({ token: 'abc_DEF-123', to: '/' });
  });

  it('opens the screen it names after the token, so a TV opens the wall display directly', () => {
    expect(readTokenFragment('#token=abc&to=/wall')).toEqual({ token: 'abc', to: '/wall' });
    expect(readTokenFragment('#token=abc&to=/wall/7')).toEqual({ token: 'abc', to: '/wall/7' });
  });

  it('opens the library when what follows the token is not a console address', () => {
    expect(readTokenFragment('#token=abc&to=https://elsewhere.example')).toEqual({ token: 'abc', to: '/' });
    expect(readTokenFragment('#token=abc&other=1')).toEqual({ token: 'abc', to: '/' });
  });

  it('is not a link with a token when the fragment is a screen', () => {
    expect(readTokenFragment('#/wall')).toBeNull();
    expect(readTokenFragment('')).toBeNull();
  });
});
