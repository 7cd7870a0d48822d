// Runs for every server test file (setupFiles in server/vitest.config.ts): test files share
// workers, and with them the modules they import, so each file's database is closed here
// when the file ends rather than by a hook in the module that opened it (which would be
// registered only in the first file to import it).
import { afterAll } from 'vitest';
import { closeTestDatabase } from './test-app';

afterAll(closeTestDatabase);
