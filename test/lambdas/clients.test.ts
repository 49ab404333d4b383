import { logsClientConfig, s3ClientConfig } from '../../src/lambdas/clients';
import { outUrl, parseS3Url, payloadRootPrefix } from '../../src/lambdas/payload-location';

describe('Lambda client configuration', () => {
  it('uses the default AWS endpoints when no custom endpoint is set', () => {
    expect(s3ClientConfig({})).toEqual({});
    expect(logsClientConfig({})).toEqual({});
  });

  it('honours AWS_ENDPOINT_URL_S3 over AWS_ENDPOINT_URL, with path-style addressing', () => {
    expect(s3ClientConfig({ AWS_ENDPOINT_URL: 'http://all:1' })).toEqual({ endpoint: 'http://all:1', forcePathStyle: true });
    expect(s3ClientConfig({ AWS_ENDPOINT_URL: 'http://all:1', AWS_ENDPOINT_URL_S3: 'http://s3:2' })).toEqual({
      endpoint: 'http://s3:2',
      forcePathStyle: true,
    });
    expect(logsClientConfig({ AWS_ENDPOINT_URL: 'http://all:1' })).toEqual({ endpoint: 'http://all:1' });
    expect(logsClientConfig({ AWS_ENDPOINT_URL: 'http://all:1', AWS_ENDPOINT_URL_CLOUDWATCH_LOGS: 'http://logs:3' })).toEqual({
      endpoint: 'http://logs:3',
    });
  });
});

describe('payload locations', () => {
  it('defaults the root prefix as ${CIRRUS_PAYLOAD_ROOT_PREFIX:-cirrus} does', () => {
    expect(payloadRootPrefix({})).toBe('cirrus');
    expect(payloadRootPrefix({ CIRRUS_PAYLOAD_ROOT_PREFIX: '' })).toBe('cirrus');
    expect(payloadRootPrefix({ CIRRUS_PAYLOAD_ROOT_PREFIX: 'a/b/' })).toBe('a/b');
  });

  it('parses s3 URLs and rejects anything else clearly', () => {
    expect(parseS3Url('s3://b/k/x.json')).toEqual({ bucket: 'b', key: 'k/x.json' });
    expect(() => parseS3Url('https://b.s3.amazonaws.com/k')).toThrow('url is not an s3://bucket/key URL');
    expect(() => parseS3Url(undefined, 'url_out')).toThrow('url_out must be an s3:// URL string, got nothing');
  });

  it('derives url_out by replacing every .json', () => {
    expect(outUrl('s3://b/p/tmp/batch/x.json/u.json')).toBe('s3://b/p/tmp/batch/x_out.json/u_out.json');
  });
});
