import { junitReport } from '../../src/testing/junit-report.js';

describe('junitReport', () => {
  it('writes one test case per fixture, with failures and errors counted and their details as text', () => {
    const xml = junitReport(
      [
        { file: 'fixtures/cx/ok.json', ms: 12 },
        {
          file: 'fixtures/cx/bad.json',
          ms: 1500,
          problem: { kind: 'failure', message: 'turn 2 (b): texts', details: ['  turn 2 (b)', '    expected: "<b> & \'c\'"'] },
        },
        { file: 'fixtures/es/broken.json', ms: 0, problem: { kind: 'error', message: 'fixtures/es/broken.json: is not JSON\u0001', details: ['is not JSON'] } },
      ],
      { timestamp: new Date('2026-11-27T10:00:00Z') },
    );
    expect(xml.split('\n')).toEqual([
      '<?xml version="1.0" encoding="UTF-8"?>',
      '<testsuites name="fulfiller replay" tests="3" failures="1" errors="1" time="1.512">',
      '  <testsuite name="fulfiller replay" tests="3" failures="1" errors="1" skipped="0" time="1.512" timestamp="2026-11-27T10:00:00.000Z">',
      '    <testcase classname="fixtures.cx" name="fixtures/cx/ok.json" file="fixtures/cx/ok.json" time="0.012"/>',
      '    <testcase classname="fixtures.cx" name="fixtures/cx/bad.json" file="fixtures/cx/bad.json" time="1.500">',
      '      <failure message="turn 2 (b): texts" type="ExpectationMismatch">  turn 2 (b)',
      '    expected: &quot;&lt;b&gt; &amp; &apos;c&apos;&quot;</failure>',
      '    </testcase>',
      '    <testcase classname="fixtures.es" name="fixtures/es/broken.json" file="fixtures/es/broken.json" time="0.000">',
      '      <error message="fixtures/es/broken.json: is not JSON" type="FixtureError">is not JSON</error>',
      '    </testcase>',
      '  </testsuite>',
      '</testsuites>',
      '',
    ]);
  });
});
