/**
 * An amount box shows the unit's precision at rest and the exact digits while focused
 * (views/field-text.ts restingText / editedText): the focus and blur handlers that swap them,
 * leaving alone whatever the user has typed — except that a box left with a valid amount typed
 * in it shows that amount at rest (`restOf`), as it will once applied: its resting text may be
 * the one shown before (4,302.2551 typed over 4,302.255167: both 4,302.26), and then nothing
 * else would replace the typed digits.
 */
export function restingSwap(rest: string, exact: string, restOf?: (typed: string) => string | null): { focus: (e: Event) => void; blur: (e: Event) => void } {
  return {
    focus: (e) => { const b = e.target as HTMLInputElement; if (b.value === rest) b.value = exact; },
    blur: (e) => {
      const b = e.target as HTMLInputElement;
      if (b.value === exact) b.value = rest;
      else if (restOf && b.value !== rest) {
        const r = restOf(b.value);
        if (r !== null) b.value = r;
      }
    },
  };
}
