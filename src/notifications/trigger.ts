import { Expr } from './expr';
import { NotificationTemplate } from './template';
import { configMapKeyError, notificationNameError } from '../engine/argo/notifications';
import { compact } from '../private/render';

/** One condition of a trigger. */
export interface TriggerCondition {
  /**
   * When it fires (expr-lang). Build it with `Expr`, or hand-write it with `Expr.raw('...')`.
   * A run-time error or a non-bool result means "not triggered".
   */
  readonly when: Expr;
  /** The templates to send (their names must exist in the same ConfigMap). */
  readonly send: NotificationTemplate[];
  /**
   * Send once per distinct value of this expression (printed with Go's `%v`) instead of on each
   * false→true transition, e.g. `Expr.path('app.status.operationState?.syncResult?.revision')`.
   * @default - on each transition
   */
  readonly oncePer?: Expr;
  /** @default - none */
  readonly description?: string;
}

/** A trigger: `trigger.<name>` of argocd-notifications-cm. */
export interface NotificationTriggerProps {
  /** Trigger name; no dots (subscription annotations could not name it). */
  readonly name: string;
  /** Its conditions. You can also use `addCondition()`. @default - none */
  readonly conditions?: TriggerCondition[];
}

/** A notification trigger: a list of conditions, each sending templates. */
export class NotificationTrigger {
  /** The trigger name. */
  public readonly name: string;
  private readonly conditions: TriggerCondition[] = [];

  constructor(props: NotificationTriggerProps) {
    const problem = notificationNameError('trigger', props.name) ?? configMapKeyError(`trigger.${props.name}`);
    if (problem) throw new Error(problem);
    this.name = props.name;
    props.conditions?.forEach((c) => this.addCondition(c));
  }

  /** Adds a condition. */
  public addCondition(condition: TriggerCondition): void {
    if (condition.send.length === 0) throw new Error(`trigger ${JSON.stringify(this.name)}: a condition sends no template: give 'send' at least one template`);
    this.conditions.push(condition);
  }

  /** The templates the conditions send. */
  public get templates(): NotificationTemplate[] {
    return [...new Set(this.conditions.flatMap((c) => c.send))];
  }

  /** The ConfigMap key. */
  public get key(): string {
    return `trigger.${this.name}`;
  }

  /** @internal the conditions as Argo CD reads them. */
  public _toConfig(): Array<{ [key: string]: any }> {
    if (this.conditions.length === 0) throw new Error(`trigger ${JSON.stringify(this.name)} has no condition: add one with addCondition()`);
    return this.conditions.map((c) => compact({
      description: c.description,
      oncePer: c.oncePer?.render(),
      send: c.send.map((t) => t.name),
      when: c.when.render(),
    }));
  }
}
