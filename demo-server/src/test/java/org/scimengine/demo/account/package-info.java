@NullMarked
package org.scimengine.demo.account;

import org.jspecify.annotations.NullMarked;
