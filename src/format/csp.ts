/**
 * Zod probes for `new Function` to speed up parsing; under our Content-Security-Policy that
 * probe is reported as a violation (a console error) even though it is caught. Turn it off.
 */
import { config } from 'zod';

config({ jitless: true });
