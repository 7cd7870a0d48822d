import { expect, test } from 'vitest';
import { readSettingsForm } from './settings-form';

// Issue 27: an escalation `mailto:` with `?bcc=…&body=…` added a Bcc, and `HTTPS://…` or a
// leading space silently lost the link. The settings page refuses what the wizard would leave
// out, saying why, and takes what it would normalise.

const read = (escalationAddress: string) =>
  readSettingsForm({ allowedOrigins: '', escalationLabel: 'SMS support', escalationAddress });

test('a mail address may carry a subject and a body; a Bcc or a Cc is refused, saying why', () => {
  expect(read(' sms-team@example.com ')).toEqual({
    settings: {
      embed: { allowedOrigins: [] },
      escalation: { label: 'SMS support', email: 'sms-team@example.com' },
    },
  });
  expect(read('sms-team@example.com?subject=SMS&body=Hello')).toMatchObject({
    settings: { escalation: { email: 'sms-team@example.com?subject=SMS&body=Hello' } },
  });
  for (const [address, field] of [
    ['sms-team@example.com?bcc=spy%40evil.example&body=x', 'bcc'],
    ['mailto:sms-team@example.com?CC=spy%40evil.example', 'CC'],
  ] as const) {
    expect(read(address), address).toEqual({
      errors: {
        escalationAddress: `"${address}" adds ${field}: a mail address may carry only a subject and a body.`,
      },
    });
  }
});

test('a web address in capitals or with spaces around it is taken; one that is no address is refused', () => {
  expect(read('  HTTPS://Helpdesk.Example/queues/sms ')).toMatchObject({
    settings: { escalation: { url: 'HTTPS://Helpdesk.Example/queues/sms' } },
  });
  expect(read('https://')).toEqual({
    errors: { escalationAddress: '“https://” is not a valid web address.' },
  });
  expect(read('helpdesk')).toMatchObject({
    errors: { escalationAddress: expect.stringContaining('is neither a web address') },
  });
});

test('every origin that is not one is named at once, each with what it probably meant', () => {
  const origins = (allowedOrigins: string) =>
    readSettingsForm({ allowedOrigins, escalationLabel: '', escalationAddress: '' });
  expect(origins('http://localhost:5602/\nhttps://helpdesk.example\nhttps://bad origin')).toEqual({
    errors: {
      allowedOrigins:
        '“http://localhost:5602/” (did you mean http://localhost:5602?) and “origin” are not origins. Write each as https://host or https://host:port, with nothing after the host.',
    },
  });
  expect(origins('https://helpdesk.example/path')).toEqual({
    errors: {
      allowedOrigins:
        '“https://helpdesk.example/path” is not an origin (did you mean https://helpdesk.example?). Write each as https://host or https://host:port, with nothing after the host.',
    },
  });
});

test('quotes a long wrong origin shortened, enough to find it', () => {
  const long = `https://${'q'.repeat(300)}.example/path`;
  const result = readSettingsForm({
    allowedOrigins: long,
    escalationLabel: '',
    escalationAddress: '',
  });
  const errors = 'errors' in result ? result.errors : {};
  expect(errors.allowedOrigins).toMatch(/^“https:\/\/q{71}…” is not an origin/);
  expect(errors.allowedOrigins!.length).toBeLessThan(400);
});
