import { expect, test } from 'vitest';
import { settingsFromConfigFile } from '../site/import-shipped';
import { buildTestApp } from '../testing/test-app';
import { allTreeVersions } from '../trees/tree-versions';
import { treeVersions } from '../db/schema';

// Text that means something to SQL, to JSON, to a shell or to a template.
const NASTY = `Robert'); DROP TABLE settings; -- "quoted" \\ back\\slash %_ $1 \${x} 'or '1'='1 ; select pg_sleep(5)`;

test('SQL metacharacters in every settings field are stored and served as text', async () => {
  const app = await buildTestApp();
  const escalation = { label: NASTY, email: `o'brien+"x"--@helpdesk.example` };
  await app.settings.write(
    { embed: { allowedOrigins: ["https://o'neil.example"] }, escalation },
    null,
  );
  const response = await app.inject('/config.json');
  expect(response.json()).toEqual({
    embed: { allowedOrigins: ["https://o'neil.example"] },
    escalation,
    server: true,
  });
  const url = { label: NASTY, url: `https://helpdesk.example/q?a='1'--;"` };
  await app.settings.write({ escalation: url }, null);
  expect((await app.inject('/config.json')).json()).toMatchObject({ escalation: url });
  // The table is still there, and nothing else changed.
  expect((await app.inject('/api/health')).statusCode).toBe(200);
});

test('SQL metacharacters in a published tree are stored and read back as text', async () => {
  const app = await buildTestApp();
  const [shipped] = await allTreeVersions(app.db);
  const tree = { ...shipped!.tree, version: 3, title: NASTY, description: NASTY };
  await app.db.insert(treeVersions).values({ treeId: shipped!.treeId, version: 3, tree });
  const versions = await allTreeVersions(app.db);
  expect(versions.at(-1)?.tree).toEqual(tree);
});

test('a change removes the escalation with null, and keeps what it does not name', async () => {
  const app = await buildTestApp();
  await app.settings.write(
    {
      embed: { allowedOrigins: ['https://a.example'] },
      escalation: { label: 'Desk', url: 'https://a.example/desk' },
    },
    null,
  );
  await app.settings.write({ escalation: null }, null);
  expect(app.settings.current()).toEqual({ embed: { allowedOrigins: ['https://a.example'] } });
});

test('config.json is imported as leniently as the client reads it', () => {
  const warnings: string[] = [];
  const change = settingsFromConfigFile(
    {
      embed: {
        allowedOrigins: ['https://a.example', 'https://a.example/path', 42, 'https://a.example'],
      },
      escalation: { label: 'Desk', url: 'javascript:alert(1)' },
    },
    (line) => warnings.push(line),
  );
  expect(change).toEqual({ embed: { allowedOrigins: ['https://a.example'] } });
  expect(warnings).toHaveLength(2);
  expect(settingsFromConfigFile({}, () => {})).toEqual({ embed: { allowedOrigins: [] } });
});
