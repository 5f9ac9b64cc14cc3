/**
 * An amount box shows the unit's precision at rest and the exact digits while focused
 * (views/field-text.ts restingText / editedText): the focus and blur handlers that swap them,
 * leaving alone whatever the user has typed.
 */
export function restingSwap(rest: string, exact: string): { focus: (e: Event) => void; blur: (e: Event) => void } {
  return {
    focus: (e) => { const b = e.target as HTMLInputElement; if (b.value === rest) b.value = exact; },
    blur: (e) => { const b = e.target as HTMLInputElement; if (b.value === exact) b.value = rest; },
  };
}
