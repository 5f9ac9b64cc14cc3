/** Styles of the modal dialogs (import, export): a native <dialog> with a header and actions. */
import { css } from 'lit';

export const dialogStyles = css`
  dialog { border: 1px solid var(--gb-line); border-radius: 8px; padding: 0; width: min(980px, 94vw); max-height: 90vh; color: inherit;
    box-shadow: 0 10px 40px rgba(0,0,0,0.25); }
  dialog::backdrop { background: rgba(20, 30, 50, 0.45); }
  .dh { display: flex; justify-content: space-between; align-items: center; background: var(--gb-blue); color: #fff; padding: 0.6rem 1rem; }
  .dh h2 { color: #fff; margin: 0; }
  .dh button { background: transparent; color: #fff; border-color: rgba(255,255,255,0.5); }
  .db { padding: 0.8rem 1rem; overflow: auto; max-height: calc(90vh - 8rem); }
  .df { display: flex; gap: 0.6rem; justify-content: flex-end; align-items: center; flex-wrap: wrap; padding: 0.6rem 1rem; border-top: 1px solid var(--gb-line);
    background: #f7f9fc; }
  .df .grow { flex: 1; }
  fieldset { border: 1px solid var(--gb-line); border-radius: 6px; padding: 0.4rem 0.8rem; margin: 0 0 0.6rem; }
  legend { color: var(--gb-muted); padding: 0 0.3rem; }
  fieldset label { display: block; margin: 0.2rem 0; cursor: pointer; }
  progress { width: 100%; height: 1rem; }
`;
