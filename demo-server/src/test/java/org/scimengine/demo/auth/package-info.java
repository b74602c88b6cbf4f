@NullMarked
package org.scimengine.demo.auth;

import org.jspecify.annotations.NullMarked;
