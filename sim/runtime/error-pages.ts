import type { ImageBehaviour } from './image-behaviours';
import { parseImageRef } from './image-behaviours';
import { nginxRelease } from './server-logs/nginx';
import { releaseText } from './server-logs/release';

// The 404 page a static file server sends for a missing file: nginx's built-in one (with
// server_tokens on, its version in the footer), httpd's (ap_send_error_response, without the URL
// and with ServerSignature off, as the image's httpd.conf leaves it); a plain one otherwise.

const PLAIN_404 = '<html>\r\n<head><title>404 Not Found</title></head>\r\n<body>\r\n<center><h1>404 Not Found</h1></center>\r\n</body>\r\n</html>\r\n';

const HTTPD_404 = '<!DOCTYPE HTML PUBLIC "-//IETF//DTD HTML 2.0//EN">\n<html><head>\n<title>404 Not Found</title>\n</head><body>\n<h1>Not Found</h1>\n<p>The requested URL was not found on this server.</p>\n</body></html>\n';

export function notFoundPage(b: ImageBehaviour, image: string): string {
  if (b.serverLog === 'httpd') return HTTPD_404;
  if (b.serverLog !== 'nginx') return PLAIN_404;
  const version = releaseText(nginxRelease(parseImageRef(image).tag));
  return `<html>\r\n<head><title>404 Not Found</title></head>\r\n<body>\r\n<center><h1>404 Not Found</h1></center>\r\n<hr><center>nginx/${version}</center>\r\n</body>\r\n</html>\r\n`;
}
