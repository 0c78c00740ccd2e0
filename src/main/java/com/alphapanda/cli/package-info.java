/** The command line: {@code run} (the default), {@code db migrate|status}, {@code --help}, {@code --version}. */
package com.alphapanda.cli;
