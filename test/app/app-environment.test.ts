import { OFFLINE_DEFAULT_ENVIRONMENT, resolveAppEnvironment } from '../../bin/app/app-environment';
import { AppUsageError } from '../../bin/app/app-usage-error';

const noContext = () => undefined;
const contextOf = (values: Record<string, unknown>) => (key: string) => values[key];

describe('resolveAppEnvironment', () => {
  test('with nothing set it uses the offline default (the account and region cdk.context.json is keyed on)', () => {
    expect(resolveAppEnvironment(noContext, {})).toEqual({
      account: '123456789012',
      region: 'us-east-1',
      accountSource: 'offline default',
      regionSource: 'offline default',
    });
    expect(OFFLINE_DEFAULT_ENVIRONMENT).toEqual({ account: '123456789012', region: 'us-east-1' });
  });

  test('the CDK CLI variables override the default', () => {
    const env = resolveAppEnvironment(noContext, { CDK_DEFAULT_ACCOUNT: '111122223333', CDK_DEFAULT_REGION: 'eu-west-1' });
    expect(env).toMatchObject({ account: '111122223333', region: 'eu-west-1', accountSource: 'environment variable', regionSource: 'environment variable' });
  });

  test('-c account / -c region override the variables, each on its own', () => {
    const env = resolveAppEnvironment(contextOf({ region: 'ap-southeast-2' }), { CDK_DEFAULT_ACCOUNT: '111122223333', CDK_DEFAULT_REGION: 'eu-west-1' });
    expect(env).toMatchObject({ account: '111122223333', accountSource: 'environment variable', region: 'ap-southeast-2', regionSource: 'context' });
    // A number given with -c account=... arrives as a number.
    expect(resolveAppEnvironment(contextOf({ account: 444455556666 }), {}).account).toBe('444455556666');
  });

  test('empty values count as unset', () => {
    expect(resolveAppEnvironment(contextOf({ account: '' }), { CDK_DEFAULT_REGION: ' ' })).toMatchObject({
      accountSource: 'offline default',
      regionSource: 'offline default',
    });
  });

  test('an invalid account and region are both reported, with where each came from', () => {
    let error: unknown;
    try {
      resolveAppEnvironment(contextOf({ account: '12345' }), { CDK_DEFAULT_REGION: 'Frankfurt' });
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(AppUsageError);
    const problems = (error as AppUsageError).problems;
    expect(problems).toHaveLength(2);
    expect(problems[0]).toContain("account '12345' (from -c account=...) is not a 12-digit AWS account id");
    expect(problems[1]).toContain("region 'Frankfurt' (from CDK_DEFAULT_REGION)");
  });
});
