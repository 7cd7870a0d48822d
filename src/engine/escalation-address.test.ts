import { expect, test } from 'vitest';
import { mailAddress, webAddress } from './escalation-address';

test('web addresses are normalised: any case, spaces around them', () => {
  expect(webAddress(' HTTPS://Helpdesk.Example/queues/sms ')).toEqual({
    href: 'https://helpdesk.example/queues/sms',
  });
  expect(webAddress('javascript:alert(1)')).toEqual({
    problem: '"javascript:alert(1)" must start with https:// or http://',
  });
  expect(webAddress('helpdesk')).toEqual({ problem: '"helpdesk" is not a web address' });
});

test('a mail address may carry a subject and a body, nothing else', () => {
  expect(mailAddress(' sms-team@example.com ')).toEqual({ href: 'mailto:sms-team@example.com' });
  expect(mailAddress('team@example.com?Subject=SMS upgrade&body=Hello')).toEqual({
    href: 'mailto:team@example.com?subject=SMS%20upgrade&body=Hello',
  });
  expect(mailAddress('team@example.com?bcc=evil@example.net&body=x')).toEqual({
    problem:
      '"team@example.com?bcc=evil@example.net&body=x" adds bcc: a mail address may carry only a subject and a body',
  });
  expect(mailAddress('a@example.com,b@example.net')).toMatchObject({ problem: expect.any(String) });
});
