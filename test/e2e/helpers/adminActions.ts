import type { Page } from 'playwright-core'

/** Saves the document open in Payload's edit view and waits for its "…successfully" toast. */
export async function saveDocument(page: Page): Promise<void> {
  await page.locator('#action-save').click()
  await page
    .locator('.payload-toast-container')
    .getByText(/successfully/i)
    .waitFor({ timeout: 30_000 })
}

/**
 * In the open review tab: submits the script to the demo's co-producer (River) and designer
 * (Dana), as the designer does, and waits until it is in review.
 */
export async function sendForReviewToRiverAndDana(page: Page): Promise<void> {
  await page.getByRole('button', { name: 'Submit for review', exact: true }).click()
  const reviewers = page.locator('.cdm-review__reviewers')
  await reviewers.getByLabel(/River \(co-producer\)/).check()
  await reviewers.getByLabel(/Dana \(Content designer\) \(designer\)/).check()
  await reviewers.getByRole('button', { name: 'Send for review' }).click()
  await page.locator('[data-review-status="inReview"]').waitFor()
}
