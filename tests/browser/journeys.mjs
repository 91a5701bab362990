// The journeys across roles (issue 8). Each: { name, fn({ stack, context, page, login, logout, run }) }.
// A journey whose pages are not built yet says so with a FAIL naming the missing page.
export const journeys = [];
