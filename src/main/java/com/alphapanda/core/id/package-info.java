/** Identifier types: event ids (UUID v7), instrument tokens, strategy ids. */
package com.alphapanda.core.id;
