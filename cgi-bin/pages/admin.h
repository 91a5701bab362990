/* Handlers of the admin area. */
#ifndef PAGES_ADMIN_H
#define PAGES_ADMIN_H

#include "http/http.h"

#endif
