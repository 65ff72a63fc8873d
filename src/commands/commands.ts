/**
 * Function file for ribbon commands (manifest FunctionFile → commands.html). The ribbon button
 * "ตรวจสอบแผน / Validate" uses ShowTaskpane, so no command function is needed yet; this file
 * initialises Office so that future ExecuteFunction buttons can register here via Office.actions.
 */

if (typeof Office !== 'undefined') {
  Office.onReady(() => {
    /* no ExecuteFunction commands yet */
  });
}

export {};
