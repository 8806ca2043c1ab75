import { describe, expect, it } from 'vitest';
import { stateFromParams, stateToParams, sameState } from '../../src/lib/search/url-state.ts';

describe('search state in the URL', () => {
  it('round-trips query, filters and sort', () => {
    const state = {
      q: 'tổ liên gia',
      filters: { province: ['Vĩnh Phúc'], year: ['2021'], docType: ['Công văn'] },
      sort: 'newest' as const,
    };
    const params = stateToParams(state);
    expect(params.get('tinh')).toBe('Vĩnh Phúc');
    expect(stateFromParams(new URLSearchParams(params.toString()))).toEqual(state);
  });

  it('leaves defaults out of the URL and ignores unknown or malformed values', () => {
    expect(stateToParams({ q: '  ', filters: {}, sort: 'relevance' }).toString()).toBe('');
    const s = stateFromParams(new URLSearchParams('q=a&sapxep=bogus&tinh=&x=1'));
    expect(s).toEqual({ q: 'a', filters: {}, sort: 'relevance' });
  });

  it('compares states by what they ask, not by parameter order', () => {
    const a = stateFromParams(new URLSearchParams('q=x&tinh=Hà Nội&nam=2022'));
    const b = stateFromParams(new URLSearchParams('nam=2022&tinh=Hà Nội&q=x'));
    expect(sameState(a, b)).toBe(true);
  });
});
