import type * as l1 from '../../imports/application-argoproj.io';
import { IN_CLUSTER_SERVER } from '../engine/argo/destinations';
import { compact } from '../private/render';


/**
 * Where an Application deploys to: exactly one of a cluster API server URL or a cluster name
 * (Argo CD rejects both or neither), plus the default namespace for namespaced resources.
 */
export class Destination {
  /** The cluster Argo CD runs in (`https://kubernetes.default.svc`). */
  public static inCluster(namespace?: string): Destination {
    return new Destination(IN_CLUSTER_SERVER, undefined, namespace);
  }
  /** A cluster by its API server URL, as registered in Argo CD. */
  public static server(url: string, namespace?: string): Destination {
    return new Destination(url, undefined, namespace);
  }
  /** A cluster by its name, as registered in Argo CD (must be unique). */
  public static cluster(name: string, namespace?: string): Destination {
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
