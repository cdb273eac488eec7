import { allRules } from '../../rules';
import { RuleSettings } from '../../src/config/rule-settings';
import { prepareLinting } from '../../src/lint';
import { findingKeys, lintSql } from '../helpers';

beforeAll(prepareLinting);

const LOCKED = "SET lock_timeout = '2s';\n";

describe('ignore comments', () => {
  test('a statement ignore silences the named rule for the next statement only', () => {
    const result = lintSql(
      `${LOCKED}-- migralint-ignore ban-drop-column -- unused since v42\nALTER TABLE users DROP COLUMN age;\nALTER TABLE users DROP COLUMN bio;`,
    );
    expect(findingKeys(result)).toEqual(['ban-drop-column@4:1']);
  });

  test('it silences only the rules it names', () => {
    const result = lintSql('-- migralint-ignore ban-drop-column\nALTER TABLE users DROP COLUMN age;');
    expect(findingKeys(result)).toEqual(['require-lock-timeout@2:1']);
  });

  test('a bare ignore silences every rule for the statement', () => {
    const result = lintSql('-- migralint-ignore\nALTER TABLE users DROP COLUMN age;');
    expect(findingKeys(result)).toEqual([]);
  });

  test('an ignore at the end of the first line of a statement applies to it', () => {
    const result = lintSql(`${LOCKED}ALTER TABLE users -- migralint-ignore ban-drop-column\n  DROP COLUMN age;`);
    expect(findingKeys(result)).toEqual([]);
  });

  test('a file ignore silences the rule everywhere in the file', () => {
    const result = lintSql(
      `${LOCKED}ALTER TABLE a DROP COLUMN x;\n-- migralint-ignore-file ban-drop-column -- whole cleanup release\nALTER TABLE b DROP COLUMN y;`,
    );
    expect(findingKeys(result)).toEqual([]);
  });

  test('an alias works in an ignore comment', () => {
    const settings = new RuleSettings(allRules, 'strict');
    const timeouts = `${LOCKED}SET statement_timeout = '5s';\n`;
    const result = lintSql(`${timeouts}-- migralint-ignore prefer-timestamp-tz\nALTER TABLE public.a ADD COLUMN IF NOT EXISTS t timestamp;`, {
      settings,
    });
    expect(findingKeys(result)).toEqual([]);
  });

  test('a syntax error can be silenced like any finding', () => {
    const result = lintSql('-- migralint-ignore syntax-error -- psql variable substituted at deploy\nSELECT :x FROM;');
    expect(findingKeys(result)).toEqual([]);
  });

  test('an unknown rule id and an ignore that silences nothing are reported', () => {
    const result = lintSql(`${LOCKED}-- migralint-ignore ban-drop-colum\nALTER TABLE users DROP COLUMN age;\n-- migralint-ignore renaming-table\nALTER TABLE users ADD COLUMN bio text;`);
    expect(findingKeys(result)).toEqual(['unused-ignore@2:1', 'ban-drop-column@3:1', 'unused-ignore@4:1']);
    expect(result.findings[0].message).toBe('This migralint-ignore comment names an unknown rule "ban-drop-colum".');
    expect(result.findings[2].message).toBe('This migralint-ignore comment for "renaming-table" silences nothing.');
  });

  test('an ignore for a rule that config turned off is not reported as unused', () => {
    const settings = new RuleSettings(allRules);
    settings.apply({ 'ban-drop-column': 'off' }, 'test');
    const result = lintSql(`${LOCKED}-- migralint-ignore ban-drop-column\nALTER TABLE users DROP COLUMN age;`, { settings });
    expect(findingKeys(result)).toEqual([]);
  });
});
