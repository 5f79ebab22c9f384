// The admin's front door leads to the article list (which itself sends signed-out visitors to /login).
import { redirect } from "next/navigation";

export default function AdminHome(): never {
  redirect("/articles");
}
