import { App, Stack } from 'aws-cdk-lib';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import { assertNoMissingLookups, missingLookups } from '../../bin/app/missing-context';
import { synthApp } from './support';

const ENV = { account: '123456789012', region: 'us-east-1' };
const lookup = { name: '*', owners: ['self'], filters: { 'tag:Name': ['docker-host-al2023'] } };

function synthWithImageLookup(context: Record<string, unknown>) {
  const app = new App({ context, builtinCloudFormationValidation: false });
  const stack = new Stack(app, 'Lookup', { env: ENV });
  const image = ec2.MachineImage.lookup(lookup).getImage(stack);
  new ec2.CfnInstance(stack, 'Node', { imageId: image.imageId });
  const assembly = app.synth();
  return { assembly, template: assembly.getStackByName('Lookup').template };
}

describe('missing lookups', () => {
  test('without a cached value, in-process synth quietly uses ami-1234: the check names the key and the fix', () => {
    const { assembly, template } = synthWithImageLookup({});
    // This is the silent behaviour the check exists for.
    expect(template.Resources.Node.Properties.ImageId).toBe('ami-1234');
    const missing = missingLookups(assembly);
    expect(missing).toHaveLength(1);
    expect(missing[0]).toMatchObject({ provider: 'ami', dummyValue: 'ami-1234' });
    expect(missing[0].key).toMatch(/^ami:account=123456789012:filters\.image-type\.0=machine:filters\.name\.0=\*:filters\.state\.0=available:filters\.tag:Name\.0=docker-host-al2023:owners\.0=self:region=us-east-1$/);
    expect(() => assertNoMissingLookups(assembly)).toThrow(
      new RegExp(`context lookup not cached in cdk.context.json: ${missing[0].key.replace(/[.*]/g, '\\$&')} \\(synth used the placeholder "ami-1234" instead\\)[\\s\\S]*commit cdk.context.json`),
    );
  });

  test('with the value cached under that key, nothing is missing and the cached image is used', () => {
    const key = missingLookups(synthWithImageLookup({}).assembly)[0].key;
    const { assembly, template } = synthWithImageLookup({ [key]: 'ami-0c3f1e2d4b5a69788' });
    expect(missingLookups(assembly)).toEqual([]);
    expect(() => assertNoMissingLookups(assembly)).not.toThrow();
    expect(template.Resources.Node.Properties.ImageId).toBe('ami-0c3f1e2d4b5a69788');
  });
});

describe('the bundled example outside the cached account and region', () => {
  test('every lookup it needs is named, with the account it was asked for', () => {
    const { assembly } = synthApp({ context: { account: '111122223333', region: 'eu-west-1' } });
    const missing = missingLookups(assembly);
    expect(missing.map((lookup) => lookup.provider).sort()).toEqual(['ami', 'cc-api-provider', 'cc-api-provider', 'cc-api-provider']);
    for (const lookup of missing) expect(lookup.key).toContain('account=111122223333');
    for (const subnet of ['subnet-0a00000000000000a', 'subnet-0b00000000000000b', 'subnet-0c00000000000000c']) {
      expect(missing.some((lookup) => lookup.key.includes(`exactIdentifier=${subnet}`))).toBe(true);
    }
    expect(() => assertNoMissingLookups(assembly)).toThrow(/filters\.tag:Name\.0=docker-host-al2023[\s\S]*"ami-1234"/);
  });
});
