/**
 * The key the tests' databases seal the 配慮事項 with (the template's seeded rows and every test app),
 * and a second one for the tests of a wrong or rotated key. Test data only.
 */
import { keyring } from '../src/shared/sealed-text.ts';

export const TEST_SENSITIVE_KEY = Buffer.alloc(32, 7).toString('base64');
export const OTHER_SENSITIVE_KEY = Buffer.alloc(32, 9).toString('base64');
export const TEST_SENSITIVE_KEYS = keyring(TEST_SENSITIVE_KEY);
