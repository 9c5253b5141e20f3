import { describe, expect, it } from 'vitest';
import { counterpartAfterDecision } from './series-decision';

const reading = { email: 'alex@acme.example', name: 'Alex Chen' };

describe('counterpartAfterDecision', () => {
  it('keeps what the page shows when the user has not decided', () => {
    expect(counterpartAfterDecision(reading, null)).toEqual(reading);
    expect(counterpartAfterDecision(null, null)).toBeNull();
  });

  it('names the chosen counterpart of "this is a 1:1", whoever the page shows', () => {
    const decision = {
      decision: 'one-on-one',
      personEmail: 'Priya@Acme.example',
      personName: 'Priya',
    } as const;
    expect(counterpartAfterDecision(reading, decision)).toEqual({
      email: 'priya@acme.example',
      name: 'Priya',
    });
    expect(counterpartAfterDecision(null, decision)?.email).toBe('priya@acme.example');
  });

  it('names nobody for "this is not a 1:1", even a clear 1:1 of the page', () => {
    const decision = { decision: 'not-one-on-one', personEmail: '', personName: '' } as const;
    expect(counterpartAfterDecision(reading, decision)).toBeNull();
  });
});
