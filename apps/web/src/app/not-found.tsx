// Last-resort 404 for paths outside the locale routes (e.g. a missing file); in all three languages at once.
import "./globals.css";

export default function GlobalNotFound() {
  return (
    <html lang="ar" dir="rtl">
      <body className="mx-auto max-w-2xl p-8">
        <h1 className="text-2xl font-bold">الصفحة غير موجودة</h1>
        <p lang="ru" dir="ltr">
          Страница не найдена
        </p>
        <p lang="en" dir="ltr">
          Page not found
        </p>
        <a className="text-brand underline" href="/">
          منبر
        </a>
      </body>
    </html>
  );
}
