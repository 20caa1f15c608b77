import { GeneratorPollingOptions, SecretKeyRef } from './common';
import { compact, undefinedIfEmpty } from '../../private/render';

/** Options every pull request provider takes. */
export interface PullRequestProviderOptions {
  /**
   * The provider's API URL (for self-hosted instances).
   * @default - the public service
   */
  readonly api?: string;
  /**
   * The Secret key holding an access token.
   * @default - no token (public repositories only)
   */
  readonly tokenRef?: SecretKeyRef;
  /**
   * Only pull requests with all these labels.
   * @default - every pull request
   */
  readonly labels?: string[];
  /**
   * Skip TLS verification.
   * @default false
   */
  readonly insecure?: boolean;
}

/** A repository given by owner and name. */
export interface OwnerRepoOptions extends PullRequestProviderOptions {
  /** Organisation or user. */
  readonly owner: string;
  /** Repository name. */
  readonly repo: string;
}

/** A GitHub repository. */
export interface GithubPullRequestOptions extends OwnerRepoOptions {
  /**
   * A repository credential Secret holding a GitHub App.
   * @default - none
   */
  readonly appSecretName?: string;
}

/** A GitLab project. */
export interface GitlabPullRequestOptions extends PullRequestProviderOptions {
  /** The project ID or path. */
  readonly project: string;
  /**
   * Merge request state, e.g. `opened`.
   * @default - every state
   */
  readonly pullRequestState?: string;
}

/** A Bitbucket Server repository. */
export interface BitbucketServerPullRequestOptions extends PullRequestProviderOptions {
  /** The project key. */
  readonly project: string;
  /** The repository slug. */
  readonly repo: string;
}

/** An Azure DevOps repository. */
export interface AzureDevOpsPullRequestOptions extends PullRequestProviderOptions {
  /** The organisation. */
  readonly organization: string;
  /** The project. */
  readonly project: string;
  /** The repository. */
  readonly repo: string;
}

/** Where the pull request generator looks for pull requests. */
export class PullRequestProvider {
  /** GitHub or GitHub Enterprise. */
  public static github(options: GithubPullRequestOptions): PullRequestProvider {
    return new PullRequestProvider('github', { ...common(options), owner: options.owner, repo: options.repo, appSecretName: options.appSecretName });
  }
  /** GitLab. */
  public static gitlab(options: GitlabPullRequestOptions): PullRequestProvider {
    return new PullRequestProvider('gitlab', { ...common(options), project: options.project, pullRequestState: options.pullRequestState });
  }
  /** Gitea. */
  public static gitea(options: OwnerRepoOptions): PullRequestProvider {
    return new PullRequestProvider('gitea', { ...common(options), owner: options.owner, repo: options.repo });
  }
  /** Bitbucket Cloud (the token is a bearer token). */
  public static bitbucket(options: OwnerRepoOptions): PullRequestProvider {
    const { tokenRef, labels, insecure, ...rest } = options;
    return new PullRequestProvider('bitbucket', compact({ api: rest.api, owner: rest.owner, repo: rest.repo, bearerToken: tokenRef ? { tokenRef } : undefined }));
  }
  /** Bitbucket Server (the token is a bearer token). */
  public static bitbucketServer(options: BitbucketServerPullRequestOptions): PullRequestProvider {
    return new PullRequestProvider('bitbucketServer', compact({
      api: options.api,
      project: options.project,
      repo: options.repo,
      insecure: options.insecure,
      bearerToken: options.tokenRef ? { tokenRef: options.tokenRef } : undefined,
    }));
  }
  /** Azure DevOps. */
  public static azureDevOps(options: AzureDevOpsPullRequestOptions): PullRequestProvider {
    return new PullRequestProvider('azuredevops', compact({
      api: options.api,
      tokenRef: options.tokenRef,
      labels: undefinedIfEmpty(options.labels),
      organization: options.organization,
      project: options.project,
      repo: options.repo,
    }));
  }
  private constructor(public readonly key: string, private readonly body: { [key: string]: any }) {}
  /** @internal */
  public _toArgo(): { [key: string]: any } {
    return compact(this.body);
  }
}

function common(o: PullRequestProviderOptions): { [key: string]: any } {
  return { api: o.api, tokenRef: o.tokenRef, labels: undefinedIfEmpty(o.labels), insecure: o.insecure };
}

/** A filter of pull requests (all set fields must match). */
export interface PullRequestFilter {
  /** @default - any branch */
  readonly branchMatch?: string;
  /** @default - any target branch */
  readonly targetBranchMatch?: string;
  /** @default - any title */
  readonly titleMatch?: string;
}

/** Options of the pull request generator. */
export interface PullRequestGeneratorOptions extends GeneratorPollingOptions {
  /** Where to look. */
  readonly provider: PullRequestProvider;
  /**
   * Filters; a pull request passing any one is kept.
   * @default - every pull request
   */
  readonly filters?: PullRequestFilter[];
  /**
   * Keep generating (nothing) when the repository is not found instead of failing.
   * @default false
   */
  readonly continueOnRepoNotFoundError?: boolean;
}
