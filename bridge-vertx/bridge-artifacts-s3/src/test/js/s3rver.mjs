// Runs s3rver on 127.0.0.1 with a free port and one bucket, prints {"port": N} once listening, and stops on stdin's end.
import S3rver from 's3rver';

const [directory, bucket] = process.argv.slice(2);
const server = new S3rver({ address: '127.0.0.1', port: 0, directory, silent: true,
  configureBuckets: [{ name: bucket, configs: [] }] });
const { port } = await server.run();
console.log(JSON.stringify({ port }));
process.stdin.resume();
process.stdin.on('end', () => server.close(() => process.exit(0)));
