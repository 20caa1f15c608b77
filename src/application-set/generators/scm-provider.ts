import { GeneratorPollingOptions, SecretKeyRef } from './common';
import { compact } from '../../private/render';

/** Options every SCM provider takes. */
export interface ScmProviderOptions {
  /**
   * The provider's API URL (for self-hosted instances).
   * @default - the public service
   */
  readonly api?: string;
  /**
   * The Secret key holding an access token.
   * @default - no token
   */
  readonly tokenRef?: SecretKeyRef;
  /**
   * Every branch of every repository, not only the default branch.
   * @default false
   */
  readonly allBranches?: boolean;
}

/** A GitHub organisation. */
export interface GithubScmOptions extends ScmProviderOptions {
  readonly organization: string;
  /** @default - none */
  readonly appSecretName?: string;
}
/** A GitLab group. */
export interface GitlabScmOptions extends ScmProviderOptions {
  readonly group: string;
  /** @default false */
  readonly includeSubgroups?: boolean;
}
/** A Gitea owner. */
export interface GiteaScmOptions extends ScmProviderOptions {
  readonly owner: string;
}
/** A Bitbucket Cloud workspace. */
export interface BitbucketScmOptions {
  readonly owner: string;
  /** The user of the app password. */
  readonly user: string;
  /** The Secret key holding the app password. */
  readonly appPasswordRef: SecretKeyRef;
  /** @default false */
  readonly allBranches?: boolean;
}
/** A Bitbucket Server project. */
export interface BitbucketServerScmOptions extends ScmProviderOptions {
  readonly project: string;
}
/** An Azure DevOps team project. */
export interface AzureDevOpsScmOptions {
  readonly organization: string;
  readonly teamProject: string;
  /** The Secret key holding a personal access token. */
  readonly accessTokenRef: SecretKeyRef;
  /** @default 'https://dev.azure.com' */
  readonly api?: string;
  /** @default false */
  readonly allBranches?: boolean;
}
/** AWS CodeCommit repositories. */
export interface AwsCodeCommitScmOptions {
  /** @default - the controller's region */
  readonly region?: string;
  /** @default - the controller's role */
  readonly role?: string;
  /** @default - every repository */
  readonly tagFilters?: Array<{ key: string; value?: string }>;
  /** @default false */
  readonly allBranches?: boolean;
}

/** Where the SCM provider generator discovers repositories. */
export class ScmProvider {
  public static github(o: GithubScmOptions): ScmProvider {
    return new ScmProvider('github', { api: o.api, tokenRef: o.tokenRef, allBranches: o.allBranches, organization: o.organization, appSecretName: o.appSecretName });
  }
  public static gitlab(o: GitlabScmOptions): ScmProvider {
    return new ScmProvider('gitlab', { api: o.api, tokenRef: o.tokenRef, allBranches: o.allBranches, group: o.group, includeSubgroups: o.includeSubgroups });
  }
  public static gitea(o: GiteaScmOptions): ScmProvider {
    return new ScmProvider('gitea', { api: o.api, tokenRef: o.tokenRef, allBranches: o.allBranches, owner: o.owner });
  }
  public static bitbucket(o: BitbucketScmOptions): ScmProvider {
    return new ScmProvider('bitbucket', { owner: o.owner, user: o.user, appPasswordRef: o.appPasswordRef, allBranches: o.allBranches });
  }
  public static bitbucketServer(o: BitbucketServerScmOptions): ScmProvider {
    return new ScmProvider('bitbucketServer', { api: o.api, allBranches: o.allBranches, project: o.project, bearerToken: o.tokenRef ? { tokenRef: o.tokenRef } : undefined });
  }
  public static azureDevOps(o: AzureDevOpsScmOptions): ScmProvider {
    return new ScmProvider('azureDevOps', { api: o.api, organization: o.organization, teamProject: o.teamProject, accessTokenRef: o.accessTokenRef, allBranches: o.allBranches });
  }
  public static awsCodeCommit(o: AwsCodeCommitScmOptions = {}): ScmProvider {
    return new ScmProvider('awsCodeCommit', { region: o.region, role: o.role, tagFilters: o.tagFilters, allBranches: o.allBranches });
  }
  private constructor(public readonly key: string, private readonly body: { [key: string]: any }) {}
  /** @internal */
  public _toArgo(): { [key: string]: any } {
    return compact(this.body);
  }
}

/** A filter of repositories (all set fields must match). */
export interface ScmProviderFilter {
  /** @default - any repository */
  readonly repositoryMatch?: string;
  /** @default - none */
  readonly pathsExist?: string[];
  /** @default - none */
  readonly pathsDoNotExist?: string[];
  /** @default - any label */
  readonly labelMatch?: string;
  /** @default - any branch */
  readonly branchMatch?: string;
}

/** Options of the SCM provider generator. */
export interface ScmProviderGeneratorOptions extends GeneratorPollingOptions {
  readonly provider: ScmProvider;
  /** @default - every repository */
  readonly filters?: ScmProviderFilter[];
  /**
   * `https` or `ssh`.
   * @default 'ssh'
   */
  readonly cloneProtocol?: string;
}
