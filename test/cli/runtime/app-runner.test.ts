import { ApiObject, App, Chart, Testing } from 'cdk8s';
import * as fc from 'fast-check';
import { chartsInOrder } from '../../../src/cli/runtime/app-runner';

describe('chartsInOrder', () => {
  /** An app of charts (some nested, ids that look like numbers too), with objects and dependencies as the plan says. */
  function build(plan: { ids: string[]; parents: number[]; deps: Array<[number, number]> }): App {
    const app = Testing.app();
    const charts: Chart[] = [];
    plan.ids.forEach((id, i) => {
      const parent = plan.parents[i] < charts.length && plan.parents[i] >= 0 ? charts[plan.parents[i]] : app;
      const chart = new Chart(parent, parent.node.tryFindChild(id) ? `${id}x${i}` : id);
      new ApiObject(chart, 'cm', { apiVersion: 'v1', kind: 'ConfigMap' });
      charts.push(chart);
    });
    for (const [a, b] of plan.deps) {
      if (a === b || a >= charts.length || b >= charts.length) continue;
      try {
        charts[a].addDependency(charts[b]);
      } catch {
        // a cycle: left out
      }
    }
    return app;
  }

  const plans = fc.record({
    ids: fc.array(fc.oneof(fc.constantFrom('0', '1', '2', '10', '007'), fc.stringMatching(/^[a-z]{1,3}$/)), { minLength: 1, maxLength: 6 }),
    parents: fc.array(fc.integer({ min: -1, max: 5 }), { minLength: 6, maxLength: 6 }),
    deps: fc.array(fc.tuple(fc.integer({ min: 0, max: 5 }), fc.integer({ min: 0, max: 5 })), { maxLength: 3 }),
  });

  test('orders charts as app.charts does, with and without dependencies', () => {
    fc.assert(fc.property(plans, (plan) => {
      // GIVEN
      const app = build(plan);
      // (chart.toJson() resolves the implicit dependencies first, as the CLI does; an app cdk8s
      // cannot render, e.g. with a dependency cycle, is not a case)
      let expected: string[] = [];
      try {
        for (const chart of app.node.findAll().filter((c) => Chart.isChart(c))) (chart as Chart).toJson();
        expected = app.charts.map((c) => c.node.path);
      } catch {
        fc.pre(false);
      }
      // WHEN
      const ours = chartsInOrder(app, Chart).map((c: Chart) => c.node.path);
      // THEN
      expect(ours).toEqual(expected);
    }), { numRuns: 300 });
  });

  test('puts charts with integer ids first, as the vertex table of cdk8s does', () => {
    // GIVEN
    const app = Testing.app();
    for (const id of ['b', '10', 'a', '2']) new Chart(app, id);
    // WHEN
    const ours = chartsInOrder(app, Chart).map((c: Chart) => c.node.id);
    // THEN
    expect(ours).toEqual(['2', '10', 'b', 'a']);
    expect(app.charts.map((c) => c.node.id)).toEqual(ours);
  });
});
