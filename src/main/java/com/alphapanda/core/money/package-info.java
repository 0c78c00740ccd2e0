/** Exact money types: {@link com.alphapanda.core.money.Price}, {@link com.alphapanda.core.money.Money} and
 * {@link com.alphapanda.core.money.Quantity}. No binary floating point anywhere. */
package com.alphapanda.core.money;
