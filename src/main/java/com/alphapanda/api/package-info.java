/** Cross-cutting web concerns: errors as RFC 9457 problem details (and, later, security, CORS, SSE). */
package com.alphapanda.api;
