import { SyncOption } from '../../src';
import { APPLICATION_SYNC_OPTIONS } from '../../src/engine/argo/sync-options';
import { syncOptionFinding } from '../../src/engine/validation/rules/application';

describe('SyncOption', () => {
  test('every constant is an option Argo CD v3.5.1 recognises, and every recognised option has a constant', () => {
    // GIVEN
    const constants = Object.values(SyncOption).filter((v) => v instanceof SyncOption).map((o: SyncOption) => o.value);
    // THEN
    expect(constants.map((c) => syncOptionFinding(c, ''))).toEqual(constants.map(() => undefined));
    expect([...constants].sort()).toEqual([...APPLICATION_SYNC_OPTIONS].sort());
  });

  test('custom() keeps the value verbatim', () => {
    expect(SyncOption.custom('Foo=bar').value).toEqual('Foo=bar');
  });
});
