/** Instruments and the NSE trading calendar (market hours and holidays, decided on event time). */
package com.alphapanda.instrument;
