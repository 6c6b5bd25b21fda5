/**
 * A parameter reference in a Dialogflow CX template: `$session.params.customer_id`,
 * `$flow.request_body`, `$page.params.status`, `$intent.params.x`, `$request.x`, `$sys.func…`
 * is not one (a function). Dots and underscores belong to names; a reference ends at the first
 * other character.
 */
export const PARAMETER_REFERENCE = /\$(?:session\.params|page\.params|intent\.params|flow|request)\.[A-Za-z_][\w-]*(?:\.[A-Za-z_][\w-]*)*/g;
