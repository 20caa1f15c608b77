import type * as l1 from '../../imports/application-argoproj.io';
import { IN_CLUSTER_SERVER } from '../engine/argo/destinations';
import { checkArg, nonEmptyString, string } from '../private/props';
import { compact } from '../private/render';


function checkNamespace(factory: string, namespace: unknown): void {
  if (namespace !== undefined) checkArg(factory, 'namespace', namespace, string);
}

/**
 * Where an Application deploys to: exactly one of a cluster API server URL or a cluster name
 * (Argo CD rejects both or neither), plus the default namespace for namespaced resources.
 */
export class Destination {
  /** The cluster Argo CD runs in (`https://kubernetes.default.svc`). */
  public static inCluster(namespace?: string): Destination {
    checkNamespace('Destination.inCluster()', namespace);
    return new Destination(IN_CLUSTER_SERVER, undefined, namespace);
  }
  /** A cluster by its API server URL, as registered in Argo CD. */
  public static server(url: string, namespace?: string): Destination {
    checkArg('Destination.server()', 'url', url, nonEmptyString('give the cluster\'s API server URL, e.g. "https://kubernetes.default.svc"'));
    checkNamespace('Destination.server()', namespace);
    return new Destination(url, undefined, namespace);
  }
  /** A cluster by its name, as registered in Argo CD (must be unique). */
  public static cluster(name: string, namespace?: string): Destination {
    checkArg('Destination.cluster()', 'name', name, nonEmptyString('give the name the cluster is registered with in Argo CD, e.g. "in-cluster"'));
    checkNamespace('Destination.cluster()', namespace);
    return new Destination(undefined, name, namespace);
  }

  /** Cluster API server URL, when given by URL. */
  public readonly server?: string;
  /** Cluster name, when given by name. */
  public readonly name?: string;
  /** Namespace for namespaced resources that set none. */
  public readonly namespace?: string;

  private constructor(server: string | undefined, name: string | undefined, namespace: string | undefined) {
    this.server = server;
    this.name = name;
    this.namespace = namespace;
  }

  /** @internal */
  public _toArgo(): l1.ApplicationSpecDestination {
    return compact({ server: this.server, name: this.name, namespace: this.namespace });
  }
}
