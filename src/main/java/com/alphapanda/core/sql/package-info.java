/** Small helpers for the SQL the batch stages write: multi-row statements with positional parameters. */
package com.alphapanda.core.sql;
