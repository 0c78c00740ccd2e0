/** What every API route shares: the page of a list ({@link com.alphapanda.core.web.ApiPage}) and its request. */
package com.alphapanda.core.web;
