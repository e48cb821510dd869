"""The complainant portal: sign-in by emailed link, and a person's own complaints."""
