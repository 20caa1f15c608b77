import type * as l1 from '../../imports/appproject-argoproj.io';
import { arrayOf, checkProps, enumOf, instanceOf, integer, optional, record, required, Shape, string } from '../private/props';
import { compact, undefinedIfEmpty } from '../private/render';

/**
 * A resource a project role policy can grant (`rbac.ProjectScoped` in Argo CD v3.5.1).
 */
export class ProjectResource {
  /** `applications` */
  public static readonly APPLICATIONS = new ProjectResource('applications');
  /** `applicationsets` */
  public static readonly APPLICATION_SETS = new ProjectResource('applicationsets');
  /** `repositories` (project-scoped repositories) */
  public static readonly REPOSITORIES = new ProjectResource('repositories');
  /** `clusters` (project-scoped clusters) */
  public static readonly CLUSTERS = new ProjectResource('clusters');
  /** `logs` */
  public static readonly LOGS = new ProjectResource('logs');
  /** `exec` */
  public static readonly EXEC = new ProjectResource('exec');
  /** Any other resource, verbatim. */
  public static custom(value: string): ProjectResource {
    return new ProjectResource(value);
  }
  private constructor(
    /** The resource as written in the policy line. */
    public readonly value: string) {}
}

/** An action a project role policy can grant. */
export class ProjectAction {
  /** `get` */
  public static readonly GET = new ProjectAction('get');
  /** `create` */
  public static readonly CREATE = new ProjectAction('create');
  /** `update` */
  public static readonly UPDATE = new ProjectAction('update');
  /** `delete` */
  public static readonly DELETE = new ProjectAction('delete');
  /** `sync` */
  public static readonly SYNC = new ProjectAction('sync');
  /** `override` */
  public static readonly OVERRIDE = new ProjectAction('override');
  /** `*`: every action. */
  public static readonly ALL = new ProjectAction('*');
  /**
   * A resource action: `action/<group>/<kind>/<action>` (core group is empty: `action//Pod/x`).
   */
  public static resourceAction(group: string, kind: string, action: string): ProjectAction {
    return new ProjectAction(`action/${group}/${kind}/${action}`);
  }
  /** Any other action, verbatim. */
  public static custom(value: string): ProjectAction {
    return new ProjectAction(value);
  }
  private constructor(
    /** The action as written in the policy line. */
    public readonly value: string) {}
}

/** Whether a policy allows or denies. */
export enum PolicyEffect {
  /** allow */
  ALLOW = 'allow',
  /** deny (wins over any allow) */
  DENY = 'deny',
}

/** What a project policy line grants. */
export interface ProjectPolicyOptions {
  /**
   * The resource.
   * @default ProjectResource.APPLICATIONS
   */
  readonly resource?: ProjectResource;
  /** The action. */
  readonly action: ProjectAction;
  /**
   * The object inside the project: an Application name glob (`*`, `guestbook-*`) or
   * `<app-namespace>/<app>`. The project name prefix is added for you.
   * @default '*'
   */
  readonly object?: string;
  /**
   * allow or deny.
   * @default PolicyEffect.ALLOW
   */
  readonly effect?: PolicyEffect;
}

const POLICY_OPTIONS: Shape = record({
  resource: optional(instanceOf(ProjectResource, 'use a ProjectResource constant such as ProjectResource.APPLICATIONS', { custom: true })),
  action: required(instanceOf(ProjectAction, 'use a ProjectAction constant such as ProjectAction.SYNC', { custom: true }), 'give the action, e.g. ProjectAction.SYNC'),
  object: optional(string),
  effect: optional(enumOf(PolicyEffect as unknown as { [key: string]: string }, 'PolicyEffect')),
}, 'an object of ProjectPolicyOptions');

/**
 * A policy line of a project role: `p, proj:<project>:<role>, <resource>, <action>, <project>/<object>, <effect>`.
 * The subject and the project prefix are filled in when the project renders.
 */
export class ProjectPolicy {
  /** A policy that allows an action. */
  public static allow(action: ProjectAction, object?: string, resource?: ProjectResource): ProjectPolicy {
    return ProjectPolicy.checked('ProjectPolicy.allow()', { action, object, resource, effect: PolicyEffect.ALLOW });
  }
  /** A policy that denies an action. */
  public static deny(action: ProjectAction, object?: string, resource?: ProjectResource): ProjectPolicy {
    return ProjectPolicy.checked('ProjectPolicy.deny()', { action, object, resource, effect: PolicyEffect.DENY });
  }
  /** A policy from options. */
  public static of(options: ProjectPolicyOptions): ProjectPolicy {
    return ProjectPolicy.checked('ProjectPolicy.of()', options);
  }
  /** A verbatim policy line (checked by the `project/policy` rule). */
  public static fromLine(line: string): ProjectPolicy {
    checkProps('ProjectPolicy.fromLine()', { line }, record({ line: required(string, 'give the policy line, e.g. "p, proj:team:ci, applications, sync, team/*, allow"') }));
    return new ProjectPolicy(undefined, line);
  }

  private static checked(factory: string, options: ProjectPolicyOptions): ProjectPolicy {
    return new ProjectPolicy(checkProps(factory, options, POLICY_OPTIONS));
  }
  private constructor(private readonly options?: ProjectPolicyOptions, private readonly line?: string) {}

  /** The policy line for a role of a project. */
  public render(project: string, role: string): string {
    if (this.line !== undefined) return this.line;
    const o = this.options!;
    return [
      'p',
      `proj:${project}:${role}`,
      (o.resource ?? ProjectResource.APPLICATIONS).value,
      o.action.value,
      `${project}/${o.object ?? '*'}`,
      o.effect ?? PolicyEffect.ALLOW,
    ].join(', ');
  }
}

/** A JWT token issued for a project role (metadata only; Argo CD never stores the token). */
export interface JwtToken {
  /** Issued-at, seconds since the epoch. */
  readonly iat: number;
  /**
   * Expiry, seconds since the epoch.
   * @default - never expires
   */
  readonly exp?: number;
  /**
   * Token id.
   * @default - none
   */
  readonly id?: string;
}

/**
 * A project role (`spec.roles[]`); its subject is `proj:<project>:<name>`.
 * @see https://argo-cd.readthedocs.io/en/stable/user-guide/projects/#project-roles
 */
export interface ProjectRole {
  /** Role name, `[a-zA-Z0-9]([-_a-zA-Z0-9]*[a-zA-Z0-9])?`. */
  readonly name: string;
  /** @default - none */
  readonly description?: string;
  /**
   * Policies of the role.
   * @default - none (the role can only `get` its project)
   */
  readonly policies?: ProjectPolicy[];
  /**
   * SSO groups bound to the role.
   * @default - none
   */
  readonly groups?: string[];
  /**
   * Metadata of JWT tokens issued for the role.
   * @default - none
   */
  readonly jwtTokens?: JwtToken[];
}

/** @internal */
/** @internal The shape of a ProjectRole. */
export const PROJECT_ROLE: Shape = record({
  name: required(string, 'give the role name, e.g. "ci"'),
  description: optional(string),
  policies: optional(arrayOf(instanceOf(ProjectPolicy, 'use ProjectPolicy.allow(…), ProjectPolicy.deny(…), ProjectPolicy.of({ … }) or ProjectPolicy.fromLine(…)'))),
  groups: optional(arrayOf(string)),
  jwtTokens: optional(arrayOf(record({ iat: required(integer, 'give the issued-at time in Unix seconds'), exp: optional(integer), id: optional(string) }))),
}, 'a ProjectRole');

export function renderRole(project: string, r: ProjectRole): l1.AppProjectSpecRoles {
  return compact({
    name: r.name,
    description: r.description,
    policies: undefinedIfEmpty(r.policies)?.map((p) => p.render(project, r.name)),
    groups: undefinedIfEmpty(r.groups),
    jwtTokens: undefinedIfEmpty(r.jwtTokens)?.map((t) => compact({ iat: t.iat, exp: t.exp, id: t.id })),
  });
}
