/**
 * Where the compose project lives on a node.
 */

/** Folder for everything compose-cluster writes on a node (overridable at boot with `CC_ROOT`). */
export const NODE_ROOT_DIR = '/opt/compose-cluster';

/**
 * The compose project name for a cluster name: lower case, characters other
 * than letters, digits, `-` and `_` as `-`, starting with a letter or digit
 * (what compose accepts). Also the project folder's name under {@link NODE_ROOT_DIR}.
 */
export function composeProjectName(clusterName: string): string {
  const name = clusterName.toLowerCase().replace(/[^a-z0-9_-]/g, '-').replace(/^[^a-z0-9]+/, '');
  return name === '' ? 'compose-cluster' : name;
}
