/**
 * Resolves `aws.ami` to an image id: an `ami-...` id as is, otherwise the newest
 * image whose Name tag equals the value (the original's `tag:Name` lookup),
 * through the CDK's AMI context provider, so the result is cached in
 * cdk.context.json.
 */
import { ContextProvider, Stack, Token } from 'aws-cdk-lib';
import * as cxschema from 'aws-cdk-lib/cloud-assembly-schema';
import { Construct } from 'constructs';

/** The value the CDK returns while a lookup has not run yet; never pinned, never deployed. */
export const DUMMY_IMAGE_ID = 'ami-1234';

export interface ImageLookupResult {
  readonly imageId: string;
  /** True when the lookup has not run yet (in-process synth without cached context). */
  readonly pending: boolean;
}

/** True for a literal image id (`ami-` followed by hex). */
export function isImageId(ami: string): boolean {
  return /^ami-[0-9a-f]{8,17}$/.test(ami);
}

/** The context query of a Name-tag lookup; also used by the upgrade command to clear the cache. */
export function imageLookupProps(nameTag: string, owners: readonly string[]) {
  return {
    owners: [...owners],
    filters: { 'tag:Name': [nameTag], 'state': ['available'], 'image-type': ['machine'] },
  };
}

/** Resolves `ami` (an id or a Name tag) in the scope's stack account and region. */
export function lookupImage(scope: Construct, ami: string, owners: readonly string[]): ImageLookupResult {
  if (isImageId(ami)) return { imageId: ami, pending: false };
  const stack = Stack.of(scope);
  if (Token.isUnresolved(stack.account) || Token.isUnresolved(stack.region)) {
    throw new Error(
      `aws.ami "${ami}" is an image Name tag, which is looked up in one account and region: give the stack an explicit env ({ account, region }), or set aws.ami to an image id (ami-...)`,
    );
  }
  const options = { provider: cxschema.ContextProvider.AMI_PROVIDER, props: imageLookupProps(ami, owners) };
  const { key } = ContextProvider.getKey(scope, options);
  const pending = stack.node.tryGetContext(key) === undefined;
  const value = ContextProvider.getValue(scope, { ...options, dummyValue: DUMMY_IMAGE_ID }).value as string;
  return { imageId: value, pending: pending || value === DUMMY_IMAGE_ID };
}
