// Reading through a use case that may refuse: its ForbiddenError becomes Next's forbidden(), so the page answers
// 403 with app/forbidden.tsx inside the admin's layout. The use case decides who may read; the page never restates it.
import "server-only";
import { forbidden } from "next/navigation";
import { ForbiddenError } from "@minbar/db/permissions";

/** The use case's answer, or a 403 (app/forbidden.tsx) when the actor lacks the permission the use case requires. */
export async function orForbidden<T>(read: () => Promise<T>): Promise<T> {
  try {
    return await read();
  } catch (error) {
    if (error instanceof ForbiddenError) forbidden();
    throw error;
  }
}
